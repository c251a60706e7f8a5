import { describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/index.js";
import { runLoad } from "../../src/bench/load.js";
import { readGold } from "../../src/eval/gold.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

// The load run at CI size; `npm run bench` runs it with 5,000 updates from 500 chats.
describe("the bot under load, with Telegram misbehaving", () => {
  it("answers every update exactly once and keeps each chat's answers in order despite 429s, 5xx and slow replies", async () => {
    const answerer = Answerer.create(await PassageRetriever.open());
    const report = await runLoad(answerer, {
      updates: 200,
      chats: 20,
      questions: readGold("test/fixtures/gold-dev.jsonl").map((q) => q.question),
      faults: { tooManyRequests: 0.02, serverErrors: 0.01, slow: 0.05, slowMs: 100, retryAfterSeconds: 1 },
      timeoutMs: 60_000,
      seed: 7,
    });
    expect(report.injected.tooManyRequests).toBeGreaterThan(0);
    expect(report.injected.serverErrors).toBeGreaterThan(0);
    expect(report.injected.slow).toBeGreaterThan(0);
    expect(report).toMatchObject({ answered: 200, missing: 0, duplicated: 0, chatsOutOfOrder: 0, errorsLogged: 0 });
  }, 90_000);
});
