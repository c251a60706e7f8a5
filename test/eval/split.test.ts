import { describe, expect, it } from "vitest";
import { questionPart, readGold } from "../../src/eval/index.js";

const SETS = ["test/fixtures/questions", "test/fixtures/dialogues", "test/fixtures/real-people"];

describe("the project's question sets", () => {
  it("hold each question in the part its id assigns, so no question moves to the tuned part by hand", () => {
    for (const set of SETS) {
      for (const part of ["tune", "report"] as const) {
        const misplaced = readGold(`${set}/${part}.jsonl`).filter((q) => questionPart(q.id) !== part);
        expect(misplaced.map((q) => q.id), `${set}/${part}.jsonl`).toEqual([]);
      }
    }
  });
});
