import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { RedisChatOrder } from "../../src/bot/chat-order.js";
import { redisStorage } from "../../src/bot/keyed-storage.js";
import { connectRedis, RedisUnavailable, RedisUserStore } from "../../src/bot/redis-store.js";
import { Conversations } from "../../src/bot/conversation.js";
import { UpdateClaims } from "../../src/bot/updates.js";
import { VoteClaims } from "../../src/bot/votes.js";
import type { BotLog } from "../../src/bot/context.js";
import { testRedisUrl } from "../redis.js";

const url = await testRedisUrl(1);
const SECRET = "replica-secret";
const quiet: BotLog = { info() {}, warn() {}, error() {} };

describe.skipIf(!url)("shared state in Redis: what one replica keeps, the other sees", () => {
  let a: Redis;
  let b: Redis;
  const errors: Error[] = [];
  beforeAll(async () => {
    a = await connectRedis(url!, quiet);
    b = await connectRedis(url!, quiet);
  });
  afterAll(() => {
    a.disconnect();
    b.disconnect();
  });

  it("a language chosen through one replica is read by the other, and /forget erases it for both", async () => {
    const first = new RedisUserStore(a, SECRET, (e) => errors.push(e));
    const second = new RedisUserStore(b, SECRET, (e) => errors.push(e));
    await first.setLanguage(42, "en");
    expect(await second.language(42)).toBe("en");
    await second.forget(42);
    expect(await first.language(42)).toBeUndefined();
  });

  it("keeps no user id in Redis, only keyed hashes", async () => {
    await new RedisUserStore(a, SECRET, (e) => errors.push(e)).setLanguage(987654321, "fr");
    await new Conversations(redisStorage(a, (e) => errors.push(e)), SECRET).remember(987654321, { messages: ["q"], help: false, places: [], lang: "fr" });
    const keys = await a.keys("*");
    expect(keys.length).toBeGreaterThan(1);
    for (const key of keys) expect(key).not.toContain("987654321");
  });

  it("counts feedback from every replica", async () => {
    await Promise.all([
      new RedisUserStore(a, SECRET, (e) => errors.push(e)).countFeedback("card", true),
      new RedisUserStore(b, SECRET, (e) => errors.push(e)).countFeedback("card", true),
      new RedisUserStore(b, SECRET, (e) => errors.push(e)).countFeedback("extract", false),
    ]);
    expect(await new RedisUserStore(a, SECRET, (e) => errors.push(e)).feedback()).toEqual({ card: { useful: 2, notUseful: 0 }, extract: { useful: 0, notUseful: 1 } });
  });

  it("gives an update to one replica only, and a vote to one count only, however many ask at once", async () => {
    const ledgers = [new UpdateClaims(redisStorage(a, (e) => errors.push(e))), new UpdateClaims(redisStorage(b, (e) => errors.push(e)))];
    const firsts = await Promise.all(Array.from({ length: 20 }, (_, i) => ledgers[i % 2]!.first(777)));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    const books = [new VoteClaims(redisStorage(a, (e) => errors.push(e)), SECRET), new VoteClaims(redisStorage(b, (e) => errors.push(e)), SECRET)];
    const votes = await Promise.all([books[0]!.first("answer01", 5), books[1]!.first("answer01", 5), books[1]!.first("answer01", 6)]);
    expect(votes.filter(Boolean)).toHaveLength(2);
  });

  it("forgets a conversation by itself after its time", async () => {
    await a.flushdb();
    await new Conversations(redisStorage(a, (e) => errors.push(e)), SECRET).remember(3, { messages: ["q"], help: false, places: ["Tunis"], lang: "fr" });
    const keys = await a.keys("relais:turn:*");
    expect(keys).toHaveLength(1);
    const ttl = await a.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(9 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(10 * 60 * 1000);
    expect(await new Conversations(redisStorage(b, (e) => errors.push(e)), SECRET).recall(3)).toEqual({ messages: ["q"], help: false, places: ["Tunis"], lang: "fr" });
  });

  it("when Redis fails, answers without the memories instead of failing, and says so", async () => {
    const gone = await connectRedis(url!, quiet);
    gone.disconnect();
    const failures: Error[] = [];
    const storage = redisStorage(gone, (e) => failures.push(e));
    expect(await new UpdateClaims(storage).first(1)).toBe(true);
    expect(await new Conversations(storage, SECRET).recall(1)).toBeUndefined();
    await new Conversations(storage, SECRET).remember(1, { messages: ["q"], help: false, places: [], lang: "fr" });
    const store = new RedisUserStore(gone, SECRET, (e) => failures.push(e));
    expect(await store.language(1)).toBeUndefined();
    await expect(store.setLanguage(1, "en")).rejects.toThrow();
    expect(failures.length).toBeGreaterThanOrEqual(4);
    expect(errors).toEqual([]);
  });
});

describe("connecting to Redis", () => {
  it("stops with a message naming REDIS_URL and the address, never the password", async () => {
    const attempt = connectRedis("redis://relais:s3cret@127.0.0.1:1/0", quiet);
    await expect(attempt).rejects.toThrow(RedisUnavailable);
    await expect(attempt).rejects.toThrow(/redis:\/\/127\.0\.0\.1:1\/0 \(REDIS_URL\) cannot be reached.*unset REDIS_URL/);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});

describe.skipIf(!url)("one chat's updates in order across replicas", () => {
  it("a follow-up reaching another replica waits until the question before it is answered", async () => {
    const [a, b] = await Promise.all([connectRedis(url!, quiet), connectRedis(url!, quiet)]);
    const failures: Error[] = [];
    const [first, second] = [new RedisChatOrder(a, SECRET, (e) => failures.push(e)), new RedisChatOrder(b, SECRET, (e) => failures.push(e))];
    const done: number[] = [];
    const slowQuestion = first.inOrder(9, 101, async () => {
      await new Promise((r) => setTimeout(r, 300));
      done.push(101);
    });
    await new Promise((r) => setTimeout(r, 50)); // the follow-up arrives while the question is in hand
    const followUp = second.inOrder(9, 102, async () => void done.push(102));
    const otherChat = second.inOrder(10, 103, async () => void done.push(103));
    await Promise.all([slowQuestion, followUp, otherChat]);
    expect(done).toEqual([103, 101, 102]);
    expect(failures).toEqual([]);
    a.disconnect();
    b.disconnect();
  });

  it("does not wait past its bound for an update whose replica died", async () => {
    const redis = await connectRedis(url!, quiet);
    const order = new RedisChatOrder(redis, SECRET, () => {}, 200);
    const lost = new RedisChatOrder(redis, SECRET, () => {}, 200).inOrder(11, 201, () => new Promise<void>(() => {})); // never finishes
    void lost;
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    expect(await order.inOrder(11, 202, async () => "answered")).toBe("answered");
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    redis.disconnect();
  });
});
