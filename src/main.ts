/**
 * The Telegram bot, built: `node --max-semi-space-size=8 dist/main.js` (what npm start runs,
 * and what a supervisor must start itself); `npm run dev` runs this file through tsx.
 * Configuration from the environment (src/config.ts); long polling by default, webhook with
 * BOT_MODE=webhook (register it once with npm run webhook:set). On SIGINT/SIGTERM it stops
 * taking updates, finishes those in hand within STOP_GRACE_MS, saves what it keeps and exits 0;
 * 1 when it had to abandon updates, naming them. A second signal stops it at once.
 */
import { run } from "@grammyjs/runner";
import type { Update } from "grammy/types";
import pino from "pino";
import { Answerer, createGenerator } from "./answer/index.js";
import {
  ALLOWED_UPDATES,
  createBot,
  createServices,
  createWebhookServer,
  LONG_POLL_SECONDS,
  openBotMemory,
  RedisUnavailable,
  registerCommands,
  StartError,
  STOP_GRACE_MS,
  UpdatesInHand,
  waitForBotApi,
  type BotLog,
  type DrainReport,
} from "./bot/index.js";
import { chatEndpoint, type Config, ConfigError, readConfig, transcriptionEndpoint, webhookPath } from "./config.js";
import { CorpusError } from "./corpus/index.js";
import { DataFileError } from "./data-file.js";
import { HelpDirectory } from "./help/index.js";
import { IndexError, PassageRetriever } from "./retrieval/index.js";
import { createSpeechSynthesizer } from "./voice/index.js";

async function main(): Promise<void> {
  const config = readConfig(process.env, "bot");
  const token = config.TELEGRAM_BOT_TOKEN!;
  const logger = pino({ level: config.LOG_LEVEL });
  const log: BotLog = {
    info: (event, fields) => logger.info(fields ?? {}, event),
    warn: (event, fields) => logger.warn(fields ?? {}, event),
    error: (event, fields) => logger.error(fields ?? {}, event),
  };
  const inHand = new UpdatesInHand();
  let ready = false;
  let stopping = false;
  let stopSource: () => Promise<void> = async () => {};
  let handleUpdate: ((update: Update) => Promise<unknown>) | undefined;

  // In webhook mode the server listens first, so that health checks say 503 while loading.
  const server =
    config.BOT_MODE === "webhook"
      ? createWebhookServer({ secret: config.WEBHOOK_SECRET!, path: webhookPath(config), inHand, ready: () => ready, stopping: () => stopping, handle: (update) => handleUpdate!(update) })
      : undefined;
  if (server) {
    await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
    log.info("webhook listening", { port: config.PORT, path: webhookPath(config) });
    stopSource = () => new Promise<void>((resolve) => server.close(() => resolve()));
  }

  const retriever = await PassageRetriever.open({
    retriever: config.RETRIEVER,
    modelId: config.EMBEDDING_MODEL,
    modelDir: config.EMBEDDING_MODEL_DIR,
    allowHub: !config.RELAIS_OFFLINE,
    onDenseUnavailable: (reason) => log.warn(`dense retrieval is off: ${reason}; answering with lexical retrieval`),
    onLexicalRebuilt: (reason) => log.warn(reason),
  });
  const answerer = Answerer.create(retriever, { generator: await createGenerator(chatEndpoint(config), (m) => log.warn(m), retriever) });
  const help = HelpDirectory.load(answerer.corpus, config.HELP_DIRECTORY);
  const memory = await openBotMemory({ redisUrl: config.REDIS_URL, stateFile: config.STATE_FILE }, token, log);
  const services = createServices({ answerer, help, store: memory.store, log, secret: token, storage: memory.storage, voice: await voiceFrom(config, log) });
  const bot = createBot(token, services, { apiRoot: config.TELEGRAM_API_ROOT, floodLimitPerMinute: config.FLOOD_LIMIT_PER_MINUTE, inHand, ...memory.botOptions });
  onStop(async () => {
    stopping = true;
    await stopSource();
    const report = await inHand.drain(STOP_GRACE_MS);
    await memory.close();
    return report;
  }, inHand, log);

  await waitForBotApi(bot, config.TELEGRAM_API_ROOT, config.BOT_API_WAIT_SECONDS, log);
  await registerCommands(bot).catch((error: Error) => log.warn("could not register the command menu", { error: error.message }));

  if (server) {
    handleUpdate = (update) => bot.handleUpdate(update);
    ready = true;
    log.info("webhook ready", { bot: bot.botInfo.username });
    return;
  }
  if (stopping) return; // a signal came while waiting for the Bot API: take no update
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES, timeout: LONG_POLL_SECONDS } } });
  stopSource = async () => {
    if (runner.isRunning()) await runner.stop(); // stops fetching; the updates in hand are drained after
  };
  log.info("polling", { bot: bot.botInfo.username });
}

/** Spoken answers when the speech packages are installed; voice notes when STT_BASE_URL is set. */
async function voiceFrom(config: Config, log: BotLog) {
  const { synthesizer, reason } = await createSpeechSynthesizer();
  if (!synthesizer) log.info(`spoken answers are off: ${reason}`);
  const transcription = transcriptionEndpoint(config);
  return { fileRoot: config.TELEGRAM_API_ROOT, ...(synthesizer ? { synthesizer } : {}), ...(transcription ? { transcription } : {}) };
}

/**
 * The first SIGINT or SIGTERM runs `stop`, then exits 0 when every update in hand was finished,
 * 1 when some were abandoned or stopping failed. A second signal exits 1 at once, naming the
 * updates it abandons: the way out of a stop that waits too long.
 */
function onStop(stop: () => Promise<DrainReport>, inHand: UpdatesInHand, log: BotLog): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.error("second signal: stopped at once, without finishing the updates in hand or saving", { signal, abandoned: inHand.ids });
      process.exit(1);
    }
    stopping = true;
    log.info("stopping", { signal });
    stop().then(
      (report) => {
        if (report.abandoned.length === 0) {
          log.info("stopped", { ...report });
          process.exit(0);
        }
        log.error(`stopped, abandoning the updates still in hand after ${STOP_GRACE_MS / 1000} s`, { ...report });
        process.exit(1);
      },
      (error: Error) => {
        log.error("could not stop cleanly", { error: error.message });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CorpusError || error instanceof IndexError || error instanceof DataFileError || error instanceof StartError || error instanceof RedisUnavailable) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(`relais: could not start: ${(error as Error).message}`);
  process.exit(1);
});
