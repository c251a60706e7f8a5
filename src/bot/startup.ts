import { GrammyError, HttpError, type Bot } from "grammy";
import type { BotLog, RelaisContext } from "./context.js";

/** Between two tries to reach the Bot API at start. */
const RETRY_EVERY_MS = 3_000;

/** The bot could not start: the message names what to check. */
export class StartError extends Error {
  override name = "StartError";
}

/**
 * Reaches the Bot API before anything else (getMe), saying in the log what it waits for; after
 * `waitSeconds` without an answer it stops with a message naming TELEGRAM_API_ROOT and the
 * network. A refused token stops it at once.
 */
export async function waitForBotApi(bot: Bot<RelaisContext>, apiRoot: string, waitSeconds: number, log: BotLog): Promise<void> {
  const deadline = Date.now() + waitSeconds * 1000;
  log.info("waiting for the Telegram Bot API", { apiRoot, waitSeconds });
  for (let attempt = 1; ; attempt++) {
    const remaining = deadline - Date.now();
    try {
      await withinMs(bot.init(), remaining);
      if (attempt > 1) log.info("Telegram Bot API reached", { apiRoot, attempts: attempt });
      return;
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new StartError(`The Bot API at ${apiRoot} refused TELEGRAM_BOT_TOKEN (${error.error_code}): check the token @BotFather gave you.`);
      }
      if (!(error instanceof HttpError || error instanceof GrammyError || error instanceof TimeUp)) throw error;
      if (Date.now() + RETRY_EVERY_MS >= deadline) {
        throw new StartError(
          `Could not reach the Telegram Bot API at ${apiRoot} within ${waitSeconds} s. Check TELEGRAM_API_ROOT (unset means https://api.telegram.org) and this machine's network: DNS, firewall, proxy.`,
        );
      }
      log.warn("Telegram Bot API not reached yet: trying again", { apiRoot, attempt });
      await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
    }
  }
}

class TimeUp extends Error {}

function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TimeUp()), Math.max(ms, 0))));
  return Promise.race([work, timeUp]).finally(() => clearTimeout(timer));
}
