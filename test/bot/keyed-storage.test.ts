import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../../src/bot/keyed-storage.js";

describe("the short memories of one process", () => {
  it("forget an entry when its time is up, and the oldest first when full", async () => {
    let now = 0;
    const memory = new MemoryStorage<string>(10 * 60 * 1000, 2, () => now);
    await memory.write("a", "question a");
    now += 10 * 60 * 1000 - 1;
    expect(await memory.read("a")).toBe("question a");
    now += 1;
    expect(await memory.read("a")).toBeUndefined();
    await memory.write("b", "1");
    await memory.write("c", "2");
    await memory.write("d", "3");
    expect([await memory.read("b"), await memory.read("c"), await memory.read("d")]).toEqual([undefined, "2", "3"]);
  });

  it("grant a claim once until it expires", async () => {
    let now = 0;
    const claims = new MemoryStorage<never>(1_000, 10, () => now);
    expect(await claims.claim("update:1")).toBe(true);
    expect(await claims.claim("update:1")).toBe(false);
    now += 1_000;
    expect(await claims.claim("update:1")).toBe(true);
  });
});
