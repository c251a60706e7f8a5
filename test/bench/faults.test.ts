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

describe("fault runs at the bot's edges", () => {
  it("name the file and the fix, keep the state, send no unsupported text and one answer per update", async () => {
    const { Answerer } = await import("../../src/answer/index.js");
    const { PassageRetriever } = await import("../../src/retrieval/index.js");
    const { runBotFaults } = await import("../../src/bench/bot-faults.js");
    const outcomes = Object.fromEntries((await runBotFaults(...(await PassageRetriever.open().then((r) => [Answerer.create(r), r] as const)))).map((o) => [o.fault, o]));
    expect(outcomes["corrupt src/retrieval/lexicon.fr-en.json"]).toMatchObject({ serving: false, message: expect.stringMatching(/lexicon\.fr-en\.json is not valid JSON.*npm run build:index/) });
    expect(outcomes["corrupt src/answer/fact-cards.json"]).toMatchObject({ serving: false, message: expect.stringMatching(/fact-cards\.json is not valid JSON.*git checkout/) });
    expect(outcomes["prompt template without {{passages}}"]).toMatchObject({ serving: false, message: expect.stringMatching(/does not use \{\{passages\}\}/) });
    expect(outcomes["damaged STATE_FILE"]).toMatchObject({ serving: true, message: expect.stringMatching(/1 file set aside/) });
    expect(outcomes["LLM writes an unsupported instruction, citing a retrieved passage"]).toMatchObject({ serving: true });
    expect(outcomes["LLM reply of 2 MB"]).toMatchObject({ serving: true, message: expect.stringMatching(/larger than/) });
    expect(outcomes["same webhook update delivered twice, slow sendMessage (1.5 s)"]).toMatchObject({ serving: true, message: expect.stringMatching(/1 answer sent/) });
  }, 30_000);
});
