import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { draftMissingBank } from "../../src/cli/draft-bank.js";
import { checkQuestionBank, loadCorpus } from "../../src/corpus/index.js";

const BASE = "http://llm.test/v1";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// A copy of the corpus whose bank lacks the line of the Tunisia fine's sentence.
let dir: string;
let removed: { passageId: string; sentence: number };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "relais-draft-bank-"));
  cpSync("corpus", dir, { recursive: true });
  const corpus = loadCorpus(dir, { bank: false });
  const path = join(dir, "question-bank.jsonl");
  const lines = readFileSync(path, "utf8").split("\n").filter(Boolean);
  const at = lines.findIndex((l) => {
    const line = JSON.parse(l) as { passageId: string; sentence: number };
    return corpus.sentences.get(line.passageId)?.[line.sentence]?.text.includes("20 Tunisian Dinars per week");
  });
  removed = JSON.parse(lines[at]!);
  writeFileSync(path, lines.filter((_, i) => i !== at).join("\n") + "\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = async (env: NodeJS.ProcessEnv) => {
  const out: string[] = [];
  const code = await draftMissingBank({ corpusDir: dir, env, out: (line) => out.push(line) });
  return { code, out: out.join("\n") };
};
const endpoint = { LLM_BASE_URL: BASE, LLM_MODEL: "test-model" };
const replyWith = (questions: Array<{ lang: string; register: string; text: string }>) =>
  server.use(http.post(`${BASE}/chat/completions`, () => HttpResponse.json({ choices: [{ message: { role: "assistant", content: JSON.stringify({ questions }) } }] })));
const GOOD = [
  { lang: "fr", register: "informal", text: "jai depasse mon visa en tunisie cmb je paye par semaine" },
  { lang: "fr", register: "informal", text: "la penalite pr sejour irregulier en tunisie c combien" },
  { lang: "fr", register: "formal", text: "Quel est le montant de la pénalité pour dépassement de visa en Tunisie ?" },
  { lang: "en", register: "formal", text: "How much is the weekly penalty for overstaying a tourist visa in Tunisia?" },
  { lang: "en", register: "formal", text: "What does Tunisia charge for residing irregularly?" },
  { lang: "en", register: "informal", text: "how much dem dey charge per week if i overstay for tunisia" },
];

describe("npm run draft:bank -- --missing", () => {
  it("without an endpoint, lists the sentence without a line and exits non-zero", async () => {
    const { code, out } = await run({});
    expect(code).toBe(1);
    expect(out).toContain(`${removed.passageId}#${removed.sentence}`);
    expect(out).toMatch(/set LLM_BASE_URL and LLM_MODEL/);
  });

  it("drafts the missing line through the endpoint, marked unreviewed, in corpus order, and the bank checks again", async () => {
    replyWith(GOOD);
    const { code, out } = await run(endpoint);
    expect(code).toBe(0);
    expect(out).toMatch(/drafted \(unreviewed\)/);
    const corpus = loadCorpus(dir);
    const line = corpus.bank!.lines.find((l) => l.passageId === removed.passageId && l.sentence === removed.sentence)!;
    expect(line).toMatchObject({ reviewed: false, questions: GOOD });
    expect(checkQuestionBank(corpus, corpus.bank!.lines)).toEqual([]);
  });

  it("refuses a draft whose question says a number the sentence does not, and keeps it missing", async () => {
    replyWith([...GOOD.slice(1), { lang: "fr", register: "informal", text: "c 35 dinars par semaine en tunisie ?" }]);
    const { code, out } = await run(endpoint);
    expect(code).toBe(1);
    expect(out).toMatch(/not drafted: .*says 35/);
  });
});
