/**
 * npm start: the Telegram bot. Configuration from the environment (src/bot/config.ts);
 * long polling by default, webhook with BOT_MODE=webhook. Stops cleanly on SIGINT/SIGTERM,
 * finishing the updates in hand.
 */
import { run } from "@grammyjs/runner";
import pino from "pino";
import { Answerer } from "./answer/index.js";
import { createGeneratorFromEnv } from "./answer/generator.js";
import { createBot, createWebhookServer, FileStore, registerCommands, singleProcessServices, type BotLog } from "./bot/index.js";
import { HelpDirectory, HelpDirectoryError } from "./help/index.js";
import { ConfigError, readBotConfig } from "./bot/config.js";
import { CorpusError } from "./corpus/index.js";
import { IndexError, PassageRetriever } from "./retrieval/index.js";

/** What the bot asks Telegram for: messages and their edits, buttons, inline queries, being added to a group. */
const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query", "my_chat_member"] as const;

async function main(): Promise<void> {
  const config = readBotConfig(process.env);
  const logger = pino({ level: config.LOG_LEVEL });
  const log: BotLog = {
    info: (event, fields) => logger.info(fields ?? {}, event),
    warn: (event, fields) => logger.warn(fields ?? {}, event),
    error: (event, fields) => logger.error(fields ?? {}, event),
  };
  const retriever = await PassageRetriever.open({
    dense: config.RETRIEVER !== "lexical",
    modelId: process.env.EMBEDDING_MODEL,
    modelDir: process.env.EMBEDDING_MODEL_DIR,
    allowHub: !process.env.RELAIS_OFFLINE,
    onDenseUnavailable: (reason) => log.warn(`dense retrieval is off: ${reason}; answering with lexical retrieval`),
    onLexicalRebuilt: (reason) => log.warn(reason),
  });
  const answerer = Answerer.create(retriever, { generator: await createGeneratorFromEnv(process.env, (m) => log.warn(m)) });
  const help = HelpDirectory.load(answerer.corpus, config.HELP_DIRECTORY);
  const store = new FileStore(config.STATE_FILE, config.TELEGRAM_BOT_TOKEN, (m) => log.warn(m));
  const services = singleProcessServices({ answerer, help, store, log, secret: config.TELEGRAM_BOT_TOKEN });
  const bot = createBot(config.TELEGRAM_BOT_TOKEN, services, { apiRoot: config.TELEGRAM_API_ROOT, floodLimitPerMinute: config.FLOOD_LIMIT_PER_MINUTE });
  await bot.init();
  await registerCommands(bot).catch((error: Error) => log.warn("could not register the command menu", { error: error.message }));

  if (config.BOT_MODE === "webhook") {
    const server = createWebhookServer(bot, config.WEBHOOK_SECRET!);
    server.listen(config.PORT, () => log.info("webhook listening", { port: config.PORT }));
    await bot.api.setWebhook(config.WEBHOOK_URL!, { secret_token: config.WEBHOOK_SECRET!, drop_pending_updates: false, allowed_updates: ALLOWED_UPDATES });
    onStop(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      log.info("stopped");
    });
    return;
  }

  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  log.info("polling", { bot: bot.botInfo.username });
  onStop(async () => {
    await runner.stop(); // waits for the updates in hand
    log.info("stopped");
  });
}

function onStop(stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CorpusError || error instanceof IndexError || error instanceof HelpDirectoryError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(`relais: could not start: ${(error as Error).message}`);
  process.exit(1);
});
