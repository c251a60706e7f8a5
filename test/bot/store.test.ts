import { createHmac } from "node:crypto";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FileStore, MemoryStore } from "../../src/bot/store.js";

// Every synchronous fs call and every rename is watched: a handler must never wait on the disk,
// and each rename onto STATE_FILE is one write of it.
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const watched = Object.fromEntries(Object.entries(real).map(([name, value]) => [name, name.endsWith("Sync") && typeof value === "function" ? vi.fn(value as (...args: unknown[]) => unknown) : value]));
  return { ...watched, default: watched };
});
const renamedTo = vi.hoisted(() => [] as string[]); // targets of the renames that completed
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const rename = async (from: string, to: string) => {
    await real.rename(from, to);
    renamedTo.push(to);
  };
  const watched = { ...real, rename };
  return { ...watched, default: watched };
});

const SECRET = "store-test-secret";
const DELAY = 50;
const key = (userId: number) => createHmac("sha256", SECRET).update(String(userId)).digest("hex").slice(0, 32);

let dir: string;
let path: string;
let warnings: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), "relais-store-"));
  path = join(dir, "state.json");
  warnings = [];
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});

afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(): FileStore {
  return new FileStore(path, SECRET, (m) => warnings.push(m), { saveDelayMs: DELAY });
}

/** Writes of STATE_FILE so far: renames onto it, synchronous or not, that have completed. */
function writes(): number {
  return [...vi.mocked(fs.renameSync).mock.calls.map((call) => call[1]), ...renamedTo].filter((to) => to === path).length;
}

function syncCalls(): string[] {
  return Object.entries(fs).flatMap(([name, value]) => (vi.isMockFunction(value) && value.mock.calls.length > 0 ? [name] : []));
}

/** Lets the event loop turn (real setImmediate) until `done` holds, for up to 10 s. */
async function until(done: () => boolean): Promise<void> {
  const deadline = performance.now() + 10_000;
  while (!done()) {
    if (performance.now() > deadline) throw new Error("gave up waiting");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function asideFiles(): string[] {
  return fs.readdirSync(dir).filter((f) => f.startsWith("state.json.damaged-"));
}

describe("FileStore: a damaged file is set aside, never overwritten", () => {
  it.each([
    ["not JSON", '{"languages": {"ab', /it is not valid JSON/],
    ["empty", "", /it is empty/],
    ["an array", "[1, 2]", /not \{ "languages"/],
    ["languages not an object", '{"languages": "fr", "feedback": {}}', /not \{ "languages"/],
    ["feedback missing", '{"languages": {}}', /not \{ "languages"/],
  ])("%s: renamed to <file>.damaged-<time>, warned, left alone by later saves", async (_what, text, problem) => {
    fs.writeFileSync(path, text);
    const store = open();
    const aside = asideFiles();
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^state\.json\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z$/);
    expect(fs.readFileSync(join(dir, aside[0]!), "utf8")).toBe(text);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(path);
    expect(warnings[0]).toMatch(problem);
    expect(warnings[0]).toMatch(/damaged-.*starts with no stored languages or votes/);

    store.setLanguage(7, "en");
    store.countFeedback("card", true);
    vi.advanceTimersByTime(DELAY);
    await store.flush();
    expect(fs.readFileSync(join(dir, aside[0]!), "utf8")).toBe(text);
    expect(asideFiles()).toEqual(aside);
    expect(JSON.parse(fs.readFileSync(path, "utf8"))).toEqual({ languages: { [key(7)]: "en" }, feedback: { card: { useful: 1, notUseful: 0 } } });
  });
});

describe("FileStore: entries are checked one by one", () => {
  it("one bad entry loses only itself", async () => {
    const good = { [key(1)]: "fr", [key(2)]: "en" };
    const file = {
      languages: { ...good, [key(3)]: "de" },
      feedback: { card: { useful: 3, notUseful: 1 }, extract: { useful: -1, notUseful: 0 }, abstain: { useful: 0, notUseful: 2 } },
    };
    fs.writeFileSync(path, JSON.stringify(file));
    const store = open();
    expect(await store.language(1)).toBe("fr");
    expect(await store.language(2)).toBe("en");
    expect(await store.language(3)).toBeUndefined();
    expect(await store.feedback()).toEqual({ card: { useful: 3, notUseful: 1 }, abstain: { useful: 0, notUseful: 2 } });
    expect(asideFiles()).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(path);
    expect(warnings[0]).toMatch(/dropped 2 invalid entries/);
    expect(warnings[0]).not.toContain(key(3));
  });

  it("keeps no raw user id or name that got into the file, and writes none", async () => {
    const file = { languages: { [key(1)]: "fr", "123456789": "fr", "Awa Traoré": "en" }, feedback: {} };
    fs.writeFileSync(path, JSON.stringify(file));
    const store = open();
    expect(warnings.join("\n")).not.toMatch(/123456789|Awa/);
    store.setLanguage(987654321, "en");
    store.countFeedback("extract", false);
    vi.advanceTimersByTime(DELAY);
    await until(() => writes() > 0);
    const written = fs.readFileSync(path, "utf8");
    expect(written).not.toMatch(/123456789|987654321|Awa/);
    const state = JSON.parse(written) as { languages: Record<string, string> };
    expect(Object.keys(state.languages).sort()).toEqual([key(1), key(987654321)].sort());
    for (const k of Object.keys(state.languages)) expect(k).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("FileStore: saves are batched, in the background, atomic", () => {
  it("many changes within the delay make one write", async () => {
    const store = open();
    for (let id = 1; id <= 100; id++) {
      store.setLanguage(id, id % 2 ? "fr" : "en");
      store.countFeedback("card", id % 3 === 0);
    }
    store.forget(5);
    expect(writes()).toBe(0);
    vi.advanceTimersByTime(DELAY);
    await store.flush();
    expect(writes()).toBe(1);
    const state = JSON.parse(fs.readFileSync(path, "utf8")) as { languages: Record<string, string>; feedback: unknown };
    expect(Object.keys(state.languages)).toHaveLength(99);
    expect(state.feedback).toEqual({ card: { useful: 33, notUseful: 67 } });
  });

  it("a change made while a write runs is written by one more write", async () => {
    const store = open();
    store.setLanguage(1, "fr");
    vi.advanceTimersByTime(DELAY); // the first write starts
    store.setLanguage(2, "en");
    store.setLanguage(3, "en");
    await until(() => writes() === 1);
    vi.advanceTimersByTime(DELAY);
    await store.flush();
    expect(writes()).toBe(2);
    const state = JSON.parse(fs.readFileSync(path, "utf8")) as { languages: Record<string, string> };
    expect(state.languages).toEqual({ [key(1)]: "fr", [key(2)]: "en", [key(3)]: "en" });
  });

  it("close() writes what is pending; the file is valid JSON and reopens with the same state", async () => {
    fs.writeFileSync(join(dir, "state.json.4242.7.tmp"), '{"languages":{"ab'); // a write cut short by a crash
    const store = open();
    store.setLanguage(11, "en");
    store.setLanguage(12, "fr");
    store.countFeedback("generated", true);
    store.countFeedback("generated", false);
    store.countFeedback("abstain", false);
    await store.close();
    expect(writes()).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(["state.json"]); // no temp file left behind, the old one removed
    JSON.parse(fs.readFileSync(path, "utf8"));

    const reopened = open();
    expect(warnings).toEqual([]);
    expect(await reopened.language(11)).toBe("en");
    expect(await reopened.language(12)).toBe("fr");
    expect(await reopened.language(13)).toBeUndefined();
    expect(await reopened.feedback()).toEqual({ generated: { useful: 1, notUseful: 1 }, abstain: { useful: 0, notUseful: 1 } });
    reopened.forget(11);
    await reopened.close();
    expect(await open().language(11)).toBeUndefined();
  });

  it("a change never touches the disk synchronously, and a save at 100,000 users lets the event loop run", async () => {
    const languages = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [key(i), i % 2 ? "fr" : "en"]));
    fs.writeFileSync(path, JSON.stringify({ languages, feedback: {} }));
    const store = open();
    vi.clearAllMocks();

    store.setLanguage(100_001, "fr");
    store.countFeedback("card", true);
    store.forget(3);
    expect(syncCalls()).toEqual([]);
    expect(writes()).toBe(0);

    let turns = 0;
    const ticking = setInterval(() => turns++, 0); // real: only timeouts are faked
    vi.advanceTimersByTime(DELAY);
    store.setLanguage(100_002, "en"); // while the save runs
    await until(() => writes() === 1);
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(5); // the loop turned many times during one save
    expect(syncCalls()).toEqual([]);

    await store.close();
    const reopened = open();
    expect(await reopened.language(100_001)).toBe("fr");
    expect(await reopened.language(100_002)).toBe("en");
    expect(await reopened.language(3)).toBeUndefined();
    expect(await reopened.language(4)).toBe("en");
  });

  it("a failed write is warned, and the next change tries again", async () => {
    fs.writeFileSync(join(dir, "sub"), "a file where the directory should be");
    path = join(dir, "sub", "state.json");
    const store = open();
    store.setLanguage(1, "fr");
    expect(warnings).toEqual([]); // the handler's call does not see the disk
    vi.advanceTimersByTime(DELAY);
    await until(() => warnings.length > 0);
    expect(warnings[0]).toMatch(/could not save .*sub\/state\.json .*next change tries again/);

    fs.rmSync(join(dir, "sub"));
    fs.mkdirSync(join(dir, "sub"));
    vi.advanceTimersByTime(10 * DELAY);
    expect(fs.existsSync(path)).toBe(false); // no change, no retry

    store.setLanguage(2, "en");
    vi.advanceTimersByTime(DELAY);
    await until(() => fs.existsSync(path));
    await store.flush();
    expect(JSON.parse(fs.readFileSync(path, "utf8"))).toEqual({ languages: { [key(1)]: "fr", [key(2)]: "en" }, feedback: {} });
    expect(warnings.at(-1)).toMatch(/saved again/);
  });
});

describe("MemoryStore", () => {
  it("keeps languages and votes under a hash of the id, and forgets", async () => {
    const store = new MemoryStore(SECRET);
    store.setLanguage(5, "en");
    store.countFeedback("card", false);
    expect(await store.language(5)).toBe("en");
    expect(await store.feedback()).toEqual({ card: { useful: 0, notUseful: 1 } });
    store.forget(5);
    expect(await store.language(5)).toBeUndefined();
    await store.close();
  });
});
