import type { Redis } from "ioredis";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { TtlMap } from "./ttl-map.js";

/**
 * Where the bot's short memories live: in this process, or in Redis shared by every replica.
 * Each memory (follow-ups, replies, votes, update ids, spoken answers) reads and writes like a
 * grammY storage adapter, with entries that expire, plus `claim` for "only the first one does it".
 */
export interface KeyedStorage<V> {
  read(key: string): Promise<V | undefined>;
  write(key: string, value: V): Promise<void>;
  delete(key: string): Promise<void>;
  /** Marks the key as taken; true only for the first caller until it expires. */
  claim(key: string): Promise<boolean>;
}

/** One process: a bounded map, oldest out first when full. */
export class MemoryStorage<V> implements KeyedStorage<V> {
  private readonly entries: TtlMap<V | true>;

  constructor(ttlMs: number, capacity: number, now: () => number = Date.now) {
    this.entries = new TtlMap(ttlMs, capacity, now);
  }

  async read(key: string): Promise<V | undefined> {
    return this.entries.get(key) as V | undefined;
  }

  async write(key: string, value: V): Promise<void> {
    this.entries.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async claim(key: string): Promise<boolean> {
    if (this.entries.get(key) !== undefined) return false;
    this.entries.set(key, true);
    return true;
  }
}

/**
 * Redis, under `relais:<name>:` keys that expire on their own: values through grammY's Redis
 * storage adapter, claims with SET NX (atomic, so two replicas never both win).
 *
 * These are short memories: when Redis fails, the bot answers without them rather than not at
 * all (a read finds nothing, a write is lost, a claim is granted: a rare repeated answer beats
 * silence), and `onError` is told.
 */
export class RedisStorage<V> implements KeyedStorage<V> {
  private readonly adapter: RedisAdapter<V>;
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    name: string,
    private readonly ttlMs: number,
    private readonly onError: (error: Error) => void,
  ) {
    this.adapter = new RedisAdapter<V>({ instance: redis, ttl: Math.ceil(ttlMs / 1000) });
    this.prefix = `relais:${name}:`;
  }

  read(key: string): Promise<V | undefined> {
    return this.adapter.read(this.prefix + key).catch((error: Error) => void this.onError(error));
  }

  write(key: string, value: V): Promise<void> {
    return this.adapter.write(this.prefix + key, value).catch((error: Error) => this.onError(error));
  }

  delete(key: string): Promise<void> {
    return this.adapter.delete(this.prefix + key).catch((error: Error) => this.onError(error));
  }

  async claim(key: string): Promise<boolean> {
    try {
      return (await this.redis.set(this.prefix + key, "1", "PX", this.ttlMs, "NX")) === "OK";
    } catch (error) {
      this.onError(error as Error);
      return true;
    }
  }
}

/** Makes the storage of one memory: in this process, or in Redis when REDIS_URL is set. */
export type StorageFactory = <V>(name: string, ttlMs: number, capacity: number) => KeyedStorage<V>;

export const memoryStorage: StorageFactory = (_name, ttlMs, capacity) => new MemoryStorage(ttlMs, capacity);

export function redisStorage(redis: Redis, onError: (error: Error) => void): StorageFactory {
  return (name, ttlMs) => new RedisStorage(redis, name, ttlMs, onError);
}
