import { createHmac } from "node:crypto";
import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { RelaisContext } from "./context.js";

/** A minute: the window of every limit, and what the person is told to wait. */
const WINDOW_MS = 60_000;
/** Button taps and inline keystrokes a person may make per minute: typing a query letter by letter is many. */
const TAPS_PER_MINUTE = 60;
const INLINE_QUERIES_PER_MINUTE = 120;

export interface LimitOptions {
  messagesPerMinute: number;
  /** Keys the hash of user ids: the limiter's store never holds an id. */
  secret: string;
}

/**
 * Three separate limits, so that one kind of use never silences another: messages per person,
 * button taps, inline queries. A person over a limit is told once per minute, in their
 * language, when to try again.
 */
export function limits(options: LimitOptions): Array<MiddlewareFn<RelaisContext>> {
  const who = (ctx: RelaisContext) => (ctx.from ? createHmac("sha256", options.secret).update(`user:${ctx.from.id}`).digest("base64url").slice(0, 16) : undefined);
  return [
    limit<RelaisContext, never>({
      keyPrefix: "relais:msg:",
      timeFrame: WINDOW_MS,
      limit: options.messagesPerMinute,
      keyGenerator: (ctx) => (ctx.message || ctx.editedMessage ? who(ctx) : undefined),
      onLimitExceeded: async (ctx) => {
        if (ctx.chat?.type === "private") await ctx.reply(ctx.messages.slowDown).catch(() => {});
      },
    }),
    limit<RelaisContext, never>({
      keyPrefix: "relais:tap:",
      timeFrame: WINDOW_MS,
      limit: TAPS_PER_MINUTE,
      keyGenerator: (ctx) => (ctx.callbackQuery ? who(ctx) : undefined),
      onLimitExceeded: async (ctx) => {
        await ctx.answerCallbackQuery({ text: ctx.messages.slowDownShort }).catch(() => {});
      },
    }),
    limit<RelaisContext, never>({
      keyPrefix: "relais:inline:",
      timeFrame: WINDOW_MS,
      limit: INLINE_QUERIES_PER_MINUTE,
      keyGenerator: (ctx) => (ctx.inlineQuery ? who(ctx) : undefined),
      onLimitExceeded: async (ctx) => {
        await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true, button: { text: ctx.messages.slowDownShort, start_parameter: "slow" } }).catch(() => {});
      },
    }),
  ];
}
