import { describe, expect, it } from "vitest";
import { checkGoldQuestion, loadGoldSources, questionPart, readGold } from "../../src/eval/index.js";

const SETS = ["test/fixtures/questions", "test/fixtures/dialogues", "test/fixtures/real-people", "test/fixtures/fresh", "test/fixtures/dialogues-fresh", "test/fixtures/dialogues-third"];
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
    const sources = loadGoldSources();
    const files = ["test/fixtures/gold-dev.jsonl", ...SETS.flatMap((set) => PARTS.map((part) => `${set}/${part}.jsonl`))];
    const problems = files.flatMap((file) => readGold(file).flatMap((q) => checkGoldQuestion(q, sources).map((p) => `${file} ${q.id}: ${p}`)));
    expect(problems).toEqual([]);
  });
});
