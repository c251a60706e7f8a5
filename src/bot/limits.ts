import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { Redis } from "ioredis";
import type { BotLog, RelaisContext } from "./context.js";
import { hashedId } from "./hashed-id.js";

/** A minute: the window of every limit, and what the person is told to wait. */
const WINDOW_MS = 60_000;
/** Button taps and inline keystrokes a person may make per minute: typing a query letter by letter is many. */
const TAPS_PER_MINUTE = 60;
const INLINE_QUERIES_PER_MINUTE = 120;

export interface LimitOptions {
  messagesPerMinute: number;
  /** Keys the hash of user ids: the limiter's store never holds an id. */
  secret: string;
  /** Counts in Redis, so that a person's limit holds across replicas; in this process without. */
  redis?: Redis | undefined;
  log: BotLog;
}

/**
 * Three separate limits, so that one kind of use never silences another: messages per person,
 * button taps, inline queries. A person over a limit is told once per minute, in their
 * language, when to try again.
 */
export function limits(options: LimitOptions): Array<MiddlewareFn<RelaisContext>> {
  /** One per-person limit over WINDOW_MS, for the updates `counts` picks, under a keyed hash of the user. */
  const perPerson = (name: string, perMinute: number, counts: (ctx: RelaisContext) => unknown, whenOver: (ctx: RelaisContext) => Promise<unknown>) =>
    failOpen(
      limit<RelaisContext, Redis>({
        keyPrefix: `relais:${name}:`,
        storageClient: options.redis ?? "MEMORY_STORE",
        timeFrame: WINDOW_MS,
        limit: perMinute,
        keyGenerator: (ctx) => (ctx.from && counts(ctx) ? hashedId(options.secret, "user", ctx.from.id) : undefined),
        onLimitExceeded: (ctx) => whenOver(ctx).catch(() => {}),
      }),
      options.log,
    );
  return [
    perPerson("msg", options.messagesPerMinute, (ctx) => ctx.message || ctx.editedMessage, async (ctx) => {
      if (ctx.chat?.type === "private") await ctx.reply(ctx.messages.slowDown);
    }),
    perPerson("tap", TAPS_PER_MINUTE, (ctx) => ctx.callbackQuery, (ctx) => ctx.answerCallbackQuery({ text: ctx.messages.slowDownShort })),
    perPerson("inline", INLINE_QUERIES_PER_MINUTE, (ctx) => ctx.inlineQuery, (ctx) =>
      ctx.answerInlineQuery([], { cache_time: 0, is_personal: true, button: { text: ctx.messages.slowDownShort, start_parameter: "slow" } }),
    ),
  ];
}

/**
 * A limit whose store fails (Redis down) lets the update through: a person is answered rather
 * than silenced. Errors after the limit let it through are the handlers' own, and go on up.
 */
function failOpen(limiter: MiddlewareFn<RelaisContext>, log: BotLog): MiddlewareFn<RelaisContext> {
  return async (ctx, next) => {
    let passed = false;
    try {
      await limiter(ctx, () => {
        passed = true;
        return next();
      });
    } catch (error) {
      if (passed) throw error;
      log.warn("rate limit not counted: its store failed", { update: ctx.update.update_id, error: (error as Error).message });
      await next();
    }
  };
}
