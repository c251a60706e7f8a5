import { Redis } from "ioredis";

/**
 * The Redis the tests share: TEST_REDIS_URL, else a local redis-server (`.ci/run` installs and
 * starts Debian's). Each test file takes its own database and empties it. Without a Redis the
 * tests that need one are skipped with a warning, except in CI, where they fail.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export async function testRedisUrl(database: number): Promise<string | undefined> {
  const url = `${TEST_REDIS_URL.replace(/\/\d*$/, "")}/${database}`;
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.flushdb();
    return url;
  } catch (error) {
    if (process.env.CI) throw new Error(`no Redis at ${url} (${(error as Error).message}): .ci/run starts redis-server; set TEST_REDIS_URL to use another`);
    console.warn(`Skipping the tests that need Redis: none at ${url}. Start redis-server (or set TEST_REDIS_URL) to run them.`);
    return undefined;
  } finally {
    redis.disconnect();
  }
}
