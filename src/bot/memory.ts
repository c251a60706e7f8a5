import type { BotLog } from "./context.js";
import { RedisChatOrder } from "./chat-order.js";
import { memoryStorage, redisStorage, type StorageFactory } from "./keyed-storage.js";
import { connectRedis, RedisUserStore } from "./redis-store.js";
import { FileStore, type UserStore } from "./store.js";
import type { BotOptions } from "./index.js";

/** While Redis fails, the log says so at most this often, not at every update. */
const REDIS_WARNING_INTERVAL_MS = 60_000;

/**
 * What the bot keeps (language choices, vote counts) and remembers for a while (follow-ups,
 * replies, claims): with REDIS_URL in Redis, shared by every replica; without, in this process
 * and STATE_FILE. The one place that chooses.
 */
export interface BotMemory {
  store: UserStore;
  storage: StorageFactory;
  /** createBot's options that count limits and keep chats in order across replicas (none in one process). */
  botOptions: Pick<BotOptions, "rateLimitRedis" | "chatOrder">;
  /** Writes what is pending and lets go. */
  close(): Promise<void>;
}

/** Opens the bot's memory; an unreachable REDIS_URL stops the start (RedisUnavailable). */
export async function openBotMemory(settings: { redisUrl?: string | undefined; stateFile: string }, secret: string, log: BotLog): Promise<BotMemory> {
  if (!settings.redisUrl) {
    const store = new FileStore(settings.stateFile, secret, (m) => log.warn(m));
    return { store, storage: memoryStorage, botOptions: {}, close: () => store.close() };
  }
  const redis = await connectRedis(settings.redisUrl, log);
  const failed = throttledWarning(log);
  const store = new RedisUserStore(redis, secret, failed);
  return {
    store,
    storage: redisStorage(redis, failed),
    botOptions: { rateLimitRedis: redis, chatOrder: new RedisChatOrder(redis, secret, failed) },
    close: async () => {
      await store.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** While Redis fails the bot answers without it (see keyed-storage.ts); the log hears of it once a minute. */
function throttledWarning(log: BotLog): (error: Error) => void {
  let last = 0;
  return (error) => {
    if (Date.now() - last < REDIS_WARNING_INTERVAL_MS) return;
    last = Date.now();
    log.warn("answering without a shared memory: Redis failed", { error: error.message });
  };
}
