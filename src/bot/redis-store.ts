import { RedisAdapter } from "@grammyjs/storage-redis";
import { Redis } from "ioredis";
import type { AnswerKind } from "../answer/index.js";
import { isLanguage, type Language } from "../corpus/index.js";
import type { BotLog } from "./context.js";
import { userKey } from "./hashed-id.js";
import type { FeedbackCounts, UserStore } from "./store.js";

/**
 * Redis for several replicas: how Relais connects, and the kept state (language choices,
 * feedback counts) every replica reads. The short memories are in keyed-storage.ts.
 */

/** A command waits no longer than this: a hung Redis must not hold an answer. */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;
/** How long start-up waits for Redis before stopping with a message. */
export const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/** Redis could not be reached at start: the message names REDIS_URL, never its password. */
export class RedisUnavailable extends Error {
  override name = "RedisUnavailable";
}

/** The address without user or password, for messages and logs. */
export function redisAddress(url: string): string {
  const { protocol, hostname, port, pathname } = new URL(url);
  return `${protocol}//${hostname}${port ? `:${port}` : ""}${pathname.length > 1 ? pathname : ""}`;
}

/**
 * Connects, or throws RedisUnavailable. Commands fail at once while the connection is down
 * (no offline queue) and after REDIS_COMMAND_TIMEOUT_MS; the client reconnects by itself.
 * An outage is logged once when it starts and once when it ends.
 */
export async function connectRedis(url: string, log: BotLog): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
  });
  let down = false;
  redis.on("error", (error: Error) => {
    if (down) return;
    down = true;
    log.warn("Redis unreachable: answering without shared memories until it is back", { redis: redisAddress(url), error: error.message });
  });
  redis.on("ready", () => {
    if (down) log.info("Redis reachable again", { redis: redisAddress(url) });
    down = false;
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new RedisUnavailable(`Redis at ${redisAddress(url)} (REDIS_URL) cannot be reached: ${(error as Error).message}. Start it, or unset REDIS_URL to run a single process.`);
  }
  return redis;
}

const FEEDBACK_KEY = "relais:feedback";

/**
 * Language choices (grammY's Redis storage adapter, under the same keyed hash as STATE_FILE,
 * until /forget) and feedback counts (one hash, counted atomically by every replica).
 */
export class RedisUserStore implements UserStore {
  private readonly languages: RedisAdapter<Language>;

  constructor(
    private readonly redis: Redis,
    private readonly secret: string,
    private readonly onError: (error: Error) => void,
  ) {
    this.languages = new RedisAdapter<Language>({ instance: redis });
  }

  private key(userId: number): string {
    return `relais:lang:${userKey(this.secret, userId)}`;
  }

  /** When Redis fails, the person is answered in their Telegram language. */
  async language(userId: number): Promise<Language | undefined> {
    const lang = await this.languages.read(this.key(userId)).catch((error: Error) => void this.onError(error));
    return isLanguage(lang) ? lang : undefined;
  }

  /** A choice not saved is an error the person hears of: they would think it kept. */
  setLanguage(userId: number, lang: Language): Promise<void> {
    return this.languages.write(this.key(userId), lang);
  }

  /** Likewise: a /forget that did not erase must not say it did. */
  forget(userId: number): Promise<void> {
    return this.languages.delete(this.key(userId));
  }

  async countFeedback(kind: AnswerKind, useful: boolean): Promise<void> {
    await this.redis.hincrby(FEEDBACK_KEY, `${kind}:${useful ? "useful" : "notUseful"}`, 1).catch((error: Error) => this.onError(error));
  }

  async feedback(): Promise<FeedbackCounts> {
    const counts: FeedbackCounts = {};
    for (const [field, value] of Object.entries(await this.redis.hgetall(FEEDBACK_KEY))) {
      const [kind, which] = field.split(":") as [string, "useful" | "notUseful"];
      counts[kind] ??= { useful: 0, notUseful: 0 };
      counts[kind][which] = Number(value);
    }
    return counts;
  }

  /** The connection belongs to whoever opened it. */
  async close(): Promise<void> {}
}
