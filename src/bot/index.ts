import { sequentialize } from "@grammyjs/runner";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, type BotError, GrammyError, HttpError, type BotConfig } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Redis } from "ioredis";
import type { Answerer } from "../answer/index.js";
import type { HelpDirectory } from "../help/index.js";
import type { BotLog, BotServices, RelaisContext } from "./context.js";
import { Conversations } from "./conversation.js";
import { buttonsFeature } from "./features/buttons.js";
import { conversationFeature } from "./features/conversation.js";
import { groupsFeature } from "./features/groups.js";
import { inlineFeature } from "./features/inline.js";
import { languageFeature } from "./features/language.js";
import { unhandledFeature } from "./features/unhandled.js";
import { welcomeFeature } from "./features/welcome.js";
import { API_CALL_TIMEOUT_SECONDS, boundedNetworkRetry, MAX_RETRY_AFTER_SECONDS, outageWatch } from "./api-calls.js";
import type { ChatOrder } from "./chat-order.js";
import { limits } from "./limits.js";
import { type StorageFactory, memoryStorage } from "./keyed-storage.js";
import { ReplyLogStore } from "./replies.js";
import type { UserStore } from "./store.js";
import { UpdateClaims, UpdatesInHand } from "./updates.js";
import { SpokenAnswers, type VoiceServices } from "./voice.js";
import { FeedbackSigner, VoteClaims } from "./votes.js";
import { en } from "./locales/en.js";
import { fr } from "./locales/fr.js";
import { messagesFor } from "./locales/index.js";

export type { BotServices, BotLog, RelaisContext } from "./context.js";
export { FileStore, MemoryStore, type UserStore } from "./store.js";
export { RedisUnavailable } from "./redis-store.js";
export { openBotMemory } from "./memory.js";
export { createWebhookServer, HEALTH_PATH } from "./webhook.js";
export { LONG_POLL_SECONDS } from "./api-calls.js";
export { ALLOWED_UPDATES, STOP_GRACE_MS, UpdatesInHand, type DrainReport } from "./updates.js";
export { StartError, waitForBotApi } from "./startup.js";

/**
 * The bot's services. Its short memories live where `storage` puts them: in this process
 * (memoryStorage, the default) or in Redis shared by every replica (redisStorage). `secret`
 * keys every hash of user and chat ids and signs the buttons (the bot token serves).
 */
export function createServices(parts: {
  answerer: Answerer;
  help: HelpDirectory;
  store: UserStore;
  log: BotLog;
  secret: string;
  storage?: StorageFactory;
  voice?: Omit<VoiceServices, "spoken">;
}): BotServices {
  const storage = parts.storage ?? memoryStorage;
  return {
    answerer: parts.answerer,
    corpus: parts.answerer.corpus,
    help: parts.help,
    store: parts.store,
    conversations: new Conversations(storage, parts.secret),
    replies: new ReplyLogStore(storage, parts.secret),
    feedback: new FeedbackSigner(parts.secret),
    votes: new VoteClaims(storage, parts.secret),
    updates: new UpdateClaims(storage),
    voice: { fileRoot: "https://api.telegram.org", ...parts.voice, spoken: new SpokenAnswers(storage) },
    log: parts.log,
  };
}

export interface BotOptions {
  /** Another Bot API server (self-hosted, or a stand-in in tests); Telegram's by default. */
  apiRoot?: string | undefined;
  /** Known bot identity: skips the getMe call at start (tests). */
  botInfo?: UserFromGetMe;
  /** Messages a user may send per minute before being asked to slow down. */
  floodLimitPerMinute?: number;
  /** Retries of an API call refused with 429 (retry_after) or 5xx. */
  maxRetryAttempts?: number;
  /** Bound of one Bot API call (tests shorten it). */
  apiCallTimeoutSeconds?: number;
  /** Waits before retrying a call that failed on the network (tests shorten them). */
  networkRetryDelaysMs?: readonly number[];
  /** Counts the updates being worked on, so that a stop can finish them. */
  inHand?: UpdatesInHand;
  /** Rate limits counted in Redis, across replicas; in this process without. */
  rateLimitRedis?: Redis;
  /** Keeps each chat's updates in order across replicas (see chat-order.ts); within this process without. */
  chatOrder?: ChatOrder;
}

/** Builds the bot; nothing starts here, so a test can feed it updates and watch its API calls. */
export function createBot(token: string, services: BotServices, options: BotOptions = {}): Bot<RelaisContext> {
  const config: BotConfig<RelaisContext> = {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { timeoutSeconds: options.apiCallTimeoutSeconds ?? API_CALL_TIMEOUT_SECONDS, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
  };
  const bot = new Bot<RelaisContext>(token, config);
  // Innermost first: each attempt is watched for outages, network failures are retried a few
  // times, and a 429's retry_after is waited out (however long, within reason).
  bot.api.config.use(
    outageWatch(services.log),
    boundedNetworkRetry(options.networkRetryDelaysMs),
    autoRetry({ maxRetryAttempts: options.maxRetryAttempts ?? 5, maxDelaySeconds: MAX_RETRY_AFTER_SECONDS, rethrowHttpErrors: true }),
  );

  // Nothing a user sends may stop the bot: every failure is logged, without personal data.
  const report = (error: BotError<RelaisContext>) => {
    const cause = error.error;
    const update = error.ctx.update.update_id;
    if (cause instanceof GrammyError && cause.error_code === 403) services.log.info("user blocked the bot or left the chat", { update });
    else if (cause instanceof GrammyError) services.log.warn("Bot API refused a call", { update, method: cause.method, code: cause.error_code });
    else if (cause instanceof HttpError) services.log.warn("reply not delivered: network failure", { update, method: cause.message.match(/'(\w+)'/)?.[1] });
    else services.log.error("update failed", { update, error: cause instanceof Error ? cause.message : String(cause) });
  };
  bot.catch(report);

  const inHand = options.inHand ?? new UpdatesInHand();
  bot.use((ctx, next) => inHand.run(ctx.update.update_id, next));
  // Telegram sends an update again when its webhook call failed or timed out: answer it once.
  bot.use(async (ctx, next) => {
    if (await services.updates.first(ctx.update.update_id)) return next();
    services.log.info("repeat of an update already in hand: dropped", { update: ctx.update.update_id });
  });
  // One chat's updates are handled in order, even when the runner handles many chats at once.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  const { chatOrder } = options;
  if (chatOrder) bot.use((ctx, next) => (ctx.chat ? chatOrder.inOrder(ctx.chat.id, ctx.update.update_id, next) : next()));
  bot.use(async (ctx, next) => {
    const chosen = ctx.from ? await services.store.language(ctx.from.id) : undefined;
    ctx.lang = chosen ?? (ctx.from?.language_code?.startsWith("en") ? "en" : "fr");
    ctx.langChosen = chosen !== undefined;
    ctx.messages = messagesFor(ctx.lang);
    ctx.services = services;
    await next();
  });
  bot.use(...limits({ messagesPerMinute: options.floodLimitPerMinute ?? 20, secret: token, redis: options.rateLimitRedis, log: services.log }));

  // A feature that fails still tells the person, rather than leaving them waiting; not when
  // Telegram is out of reach (the apology would not arrive either) or the person blocked the bot.
  const reportAndApologise = async (error: BotError<RelaisContext>) => {
    report(error);
    const { ctx } = error;
    if (error.error instanceof HttpError || (error.error instanceof GrammyError && error.error.error_code === 403)) return;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.messages.somethingWentWrong }).catch(() => {});
    else if (ctx.chat?.type === "private" && (ctx.message || ctx.editedMessage)) await ctx.reply(ctx.messages.somethingWentWrong).catch(() => {});
  };
  bot.errorBoundary(reportAndApologise).use(welcomeFeature, languageFeature, groupsFeature, buttonsFeature, inlineFeature, conversationFeature, unhandledFeature);
  return bot;
}

/** The command menu in both languages (French by default: most users read it). */
export async function registerCommands(bot: Bot<RelaisContext>): Promise<void> {
  await bot.api.setMyCommands(fr.commands);
  await bot.api.setMyCommands(fr.commands, { language_code: "fr" });
  await bot.api.setMyCommands(en.commands, { language_code: "en" });
}
