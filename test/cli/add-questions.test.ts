import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runAddQuestions } from "../../src/cli/add-questions.js";
import { questionPart } from "../../src/eval/index.js";

const dir = mkdtempSync(join(tmpdir(), "relais-add-questions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FINE_QUOTE = "The penalty for residing irregularly in-country or overstaying a tourist visa is 20 Tunisian Dinars per week";
const question = (id: string, quote = FINE_QUOTE) =>
  JSON.stringify({ id, lang: "en", topic: "entry_and_stay", question: "how much per week if i stay past my visa in tunisia", answerable: true, expected_facts: ["20 Tunisian Dinars"], support: [{ file: "001_1e7bcc55e5790646.txt", quote }] });
const unanswerable = (id: string) => JSON.stringify({ id, lang: "fr", topic: "other", question: "le bus bamako dakar coute combien", answerable: false, expected_facts: [], support: [] });
const quiet = () => {
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
};
/** A question set's folder with both parts empty. */
const emptySet = (name: string): string => {
  const set = join(dir, name);
  mkdirSync(set);
  for (const part of ["tune", "report"]) writeFileSync(join(set, `${part}.jsonl`), "");
  return set;
};

describe("npm run add:questions", () => {
  it("adds each checked question to the part its id falls in, and adds nothing twice", async () => {
    quiet();
    const set = emptySet("set");
    const ids = Array.from({ length: 8 }, (_, i) => `new-${i}`);
    const file = join(dir, "new.jsonl");
    writeFileSync(file, ids.map((id, i) => (i % 2 ? question(id) : unanswerable(id))).join("\n") + "\n");

    expect(await runAddQuestions([file, "--to", set])).toBe(0);
    for (const part of ["tune", "report"] as const) {
      const added = readFileSync(join(set, `${part}.jsonl`), "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l).id);
      expect(added).toEqual(ids.filter((id) => questionPart(id) === part));
    }
    // The same file again: every id is taken, so nothing is added.
    expect(await runAddQuestions([file, "--to", set])).toBe(1);
    expect(readFileSync(join(set, "tune.jsonl"), "utf8").trim().split("\n").length + readFileSync(join(set, "report.jsonl"), "utf8").trim().split("\n").length).toBe(8);
    vi.restoreAllMocks();
  });

  it("adds nothing when a quote is not the report's own words", async () => {
    quiet();
    const set = emptySet("set2");
    const file = join(dir, "bad.jsonl");
    writeFileSync(file, [unanswerable("ok-1"), question("bad-1", "The penalty is 30 Tunisian Dinars per week")].join("\n") + "\n");
    expect(await runAddQuestions([file, "--to", set])).toBe(1);
    expect(readFileSync(join(set, "tune.jsonl"), "utf8") + readFileSync(join(set, "report.jsonl"), "utf8")).toBe("");
    vi.restoreAllMocks();
  });
});
