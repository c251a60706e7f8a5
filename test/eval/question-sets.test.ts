import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SOURCES_DIR, loadCorpus } from "../../src/corpus/index.js";
import { checkGoldQuestion, goldSources, questionPart, readGold } from "../../src/eval/index.js";

const SETS = ["test/fixtures/questions", "test/fixtures/dialogues", "test/fixtures/real-people", "test/fixtures/fresh"];
const PARTS = ["tune", "report"] as const;

describe("the project's question sets", () => {
  it("hold each question in the part its id assigns, so no question moves to the tuned part by hand", () => {
    for (const set of SETS) {
      for (const part of PARTS) {
        const misplaced = readGold(`${set}/${part}.jsonl`).filter((q) => questionPart(q.id) !== part);
        expect(misplaced.map((q) => q.id), `${set}/${part}.jsonl`).toEqual([]);
      }
    }
  });

  it("quote the reports word for word and find every expected fact in their quotes (the checks of check:gold; ids only)", () => {
    const corpus = loadCorpus(undefined, { translations: false });
    const reports = new Map(readdirSync(DEFAULT_SOURCES_DIR).filter((f) => f.endsWith(".txt")).map((f) => [f, readFileSync(join(DEFAULT_SOURCES_DIR, f), "utf8")]));
    const sources = goldSources(reports, corpus.passages.map((p) => p.text));
    const files = ["test/fixtures/gold-dev.jsonl", ...SETS.flatMap((set) => PARTS.map((part) => `${set}/${part}.jsonl`))];
    const problems = files.flatMap((file) => readGold(file).flatMap((q) => checkGoldQuestion(q, sources).map((p) => `${file} ${q.id}: ${p}`)));
    expect(problems).toEqual([]);
  });
});
