import type { Redis } from "ioredis";
import { hashedId } from "./hashed-id.js";

/**
 * One chat's updates in order across replicas. Telegram numbers updates in the order they
 * happen and sends them in that order, but the webhook acknowledges each at once, so a quick
 * follow-up ("et si je pars sans payer ?") can reach another replica while the question before
 * it is still being answered. Each replica puts the update ids it takes in hand in a sorted set
 * per chat (keyed hash, no id), and starts on one only when no earlier update of the chat is
 * still in hand anywhere. In one process grammY's sequentialize does the same.
 */
export interface ChatOrder {
  inOrder<T>(chatId: number, updateId: number, work: () => Promise<T>): Promise<T>;
}

/** How often a waiting update looks again whether its turn came. */
const POLL_MS = 25;
/**
 * Longest wait behind earlier updates: longer than an answer takes, shorter than a person
 * waits. Past it the earlier ones are taken for lost (their replica died) and dropped from the set.
 */
export const CHAT_ORDER_BOUND_MS = 15_000;
/** A chat's set disappears by itself this long after its last update. */
const SET_TTL_MS = 60_000;

export class RedisChatOrder implements ChatOrder {
  constructor(
    private readonly redis: Redis,
    private readonly secret: string,
    private readonly onError: (error: Error) => void,
    private readonly boundMs = CHAT_ORDER_BOUND_MS,
  ) {}

  async inOrder<T>(chatId: number, updateId: number, work: () => Promise<T>): Promise<T> {
    const key = `relais:order:${hashedId(this.secret, "chat", chatId)}`;
    const member = String(updateId);
    try {
      await this.redis.multi().zadd(key, updateId, member).pexpire(key, SET_TTL_MS).exec();
      await this.waitForTurn(key, updateId);
    } catch (error) {
      this.onError(error as Error); // without Redis, order within this process only
    }
    try {
      return await work();
    } finally {
      await this.redis.zrem(key, member).catch((error: Error) => this.onError(error));
    }
  }

  private async waitForTurn(key: string, updateId: number): Promise<void> {
    const deadline = Date.now() + this.boundMs;
    for (;;) {
      const [first] = await this.redis.zrange(key, "0", "0");
      if (first === undefined || Number(first) >= updateId) return;
      if (Date.now() >= deadline) {
        await this.redis.zremrangebyscore(key, "-inf", `(${updateId}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
