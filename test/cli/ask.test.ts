import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { z } from "zod";

const TSX = "node_modules/.bin/tsx";
const ask = (args: string[], input?: string) =>
  execFileSync(TSX, ["src/cli/ask.ts", ...args], { encoding: "utf8", input, env: { ...process.env, RELAIS_OFFLINE: "1" }, stdio: ["pipe", "pipe", "pipe"] });

// The contract of ../shared/docs/DESIGN.md, field by field, in order.
const CitationSchema = z.strictObject({
  marker: z.number().int().positive(),
  passageId: z.string(),
  docId: z.string(),
  title: z.string(),
  publisher: z.string(),
  year: z.number().int(),
  section: z.string().optional(),
  page: z.number().int().optional(),
  quote: z.string().min(1),
  // The project's French translation of the quote, beside the report's own words.
  quoteFr: z.string().min(1).optional(),
});
const ContractSchema = z.strictObject({
  id: z.string().optional(),
  question: z.string(),
  lang: z.enum(["fr", "en"]),
  abstained: z.boolean(),
  answer: z.string().min(1),
  citations: z.array(CitationSchema),
  // Top k (k >= 5) best first; fewer only when fewer passages share a word with the question.
  passages: z.array(z.strictObject({ rank: z.number().int(), passageId: z.string(), docId: z.string(), score: z.number(), text: z.string() })),
  retriever: z.enum(["hybrid", "dense", "lexical"]),
  timings: z.object({ totalMs: z.number() }).passthrough(),
});
const ORDER = ["id", "question", "lang", "abstained", "answer", "citations", "passages", "retriever", "timings"];

describe("npm run ask", () => {
  it("answers the README's French question in French, with the amount, the report and its year", () => {
    const out = ask(["Quelle est l'amende pour dépassement de visa en Tunisie ?"]);
    expect(out).toMatch(/20 dinars tunisiens par semaine/);
    expect(out).toMatch(/Urban Mixed Migration – Tunis and Bamako case studies, Mixed Migration Centre \(MMC\), 2020/);
  });

  it("prints one contract line per input line, in order, for --jsonl", () => {
    const input = ['{"id":"x","question":"Do ECOWAS citizens need a visa for Mali?"}', "ou trouver de l'aide a bamako", '{"id":"y","question":"Who won the football match yesterday?"}'].join("\n");
    const lines = ask(["--jsonl"], input).trim().split("\n");
    expect(lines).toHaveLength(3);
    const answers = lines.map((line) => ContractSchema.parse(JSON.parse(line)));
    expect(answers.map((a) => [a.id, a.lang, a.abstained])).toEqual([["x", "en", false], [undefined, "fr", false], ["y", "en", true]]);
    for (const line of lines) {
      const keys = Object.keys(JSON.parse(line));
      expect(keys).toEqual(ORDER.filter((k) => keys.includes(k)));
    }
    expect(answers[0]!.citations.length).toBeGreaterThan(0);
    expect(answers[0]!.passages.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps its place in the stream when a line is bad, telling which and why", () => {
    const lines = ask(["--jsonl"], '{"id":"1","question":"visa mali"}\n{"id":"2"}\n{oops\n').trim().split("\n");
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([{ id: "1" }, { id: "2", error: expect.stringMatching(/no "question"/) }, { error: expect.stringMatching(/not valid JSON/) }]);
  });

  it("honours --json, --lang and --k", () => {
    const answer = ContractSchema.parse(JSON.parse(ask(["--json", "--lang", "fr", "--k", "7", "How many Malians live abroad?"])));
    expect(answer.lang).toBe("fr");
    expect(answer.passages).toHaveLength(7);
  });

  it("stops with a usage message on a bad flag", () => {
    expect(() => ask(["--retriever", "magic", "visa"])).toThrow(/--retriever must be one of lexical, dense, hybrid/);
  });
});
