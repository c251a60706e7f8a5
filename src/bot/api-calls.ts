import { HttpError, type Transformer } from "grammy";
import type { BotLog } from "./context.js";

/**
 * How the bot calls the Bot API when Telegram is slow, busy or away: every call bounded in
 * time, network failures retried a few times then given up (so one chat is never blocked for
 * long), a long `retry_after` waited out rather than the answer dropped, and an outage said
 * once in the log, with its end.
 */

/** A call that has not answered by then never will: grammY's own default is 500 s. */
export const API_CALL_TIMEOUT_SECONDS = 15;
/** getUpdates' long poll, kept under the call timeout. */
export const LONG_POLL_SECONDS = 10;
/** Telegram can ask a flooding bot to wait minutes; an answer is still worth sending then. */
export const MAX_RETRY_AFTER_SECONDS = 15 * 60;
/** Waits before retrying a call that failed on the network: a blip passes, an outage is given up on. */
export const NETWORK_RETRY_DELAYS_MS = [1_000, 4_000];

/** Retries a call that failed on the network after each delay, then gives up (getUpdates has the runner's own retries). */
export function boundedNetworkRetry(delaysMs: readonly number[] = NETWORK_RETRY_DELAYS_MS): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || method === "getUpdates" || attempt >= delaysMs.length || signal?.aborted) throw error;
        await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
      }
    }
  };
}

/**
 * Watches every call: the first failure on the network (or a 5xx) is logged as an outage, the
 * first success after it as its end, with how long it lasted. Methods only, never payloads.
 */
export function outageWatch(log: BotLog, now: () => number = Date.now): Transformer {
  let downSince: number | undefined;
  const failed = (method: string) => {
    if (downSince !== undefined) return;
    downSince = now();
    log.warn("Bot API unreachable: answers wait and are retried", { method });
  };
  const answered = () => {
    if (downSince === undefined) return;
    log.info("Bot API reachable again", { downSeconds: Math.round((now() - downSince) / 1000) });
    downSince = undefined;
  };
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok && result.error_code >= 500) failed(method);
      else answered();
      return result;
    } catch (error) {
      if (error instanceof HttpError) failed(method);
      throw error;
    }
  };
}
