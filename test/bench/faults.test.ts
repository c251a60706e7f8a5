import { describe, expect, it } from "vitest";
import { runFaults } from "../../src/bench/faults.js";

describe("fault runs", () => {
  it("give one clear message naming the fix, and keep answering lexically where that is safe", async () => {
    const outcomes = Object.fromEntries((await runFaults()).map((o) => [o.fault, o]));
    expect(outcomes["corrupt index/lexical.json"]).toMatchObject({ serving: true, message: expect.stringMatching(/damaged.*npm run build:index.*rebuilt in memory/) });
    expect(outcomes["corrupt index/vectors.hnsw (RETRIEVER=hybrid)"]).toMatchObject({ serving: true, message: expect.stringMatching(/damaged.*npm run build:index.*lexical retrieval/) });
    expect(outcomes["missing embedding model (RETRIEVER=hybrid)"]).toMatchObject({ serving: true, message: expect.stringMatching(/no copy of the embedding model.*lexical retrieval/) });
    // Without a readable corpus, or with an index of another corpus, answers could cite the wrong words: stop.
    expect(outcomes["unreadable corpus/passages.jsonl"]).toMatchObject({ serving: false, message: expect.stringMatching(/cannot be read.*npm run build:corpus/) });
    expect(outcomes["index built from another corpus"]).toMatchObject({ serving: false, message: expect.stringMatching(/another version of the corpus.*npm run build:index/) });
  });
});
