import { execFileSync, spawn } from "node:child_process";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Answerer } from "../../src/answer/index.js";
import { MAX_LINE_BYTES, runAsk } from "../../src/cli/ask-command.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

// The contract of ../shared/docs/DESIGN.md, field by field, in order.
const CitationSchema = z.strictObject({
  marker: z.number().int().positive(),
  passageId: z.string(),
  docId: z.string(),
  title: z.string(),
  publisher: z.string(),
  year: z.number().int(),
  section: z.string().optional(),
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
const ErrorSchema = z.strictObject({ line: z.number().int().positive(), id: z.string().optional(), error: z.string().min(1) });
const ORDER = ["id", "question", "lang", "abstained", "answer", "citations", "passages", "retriever", "timings"];

let answerer: Answerer;
beforeAll(async () => {
  answerer = Answerer.create(await PassageRetriever.open({ dense: false }));
});

/** Runs `ask` in this process: its exit code, stdout lines and stderr lines. */
async function ask(args: string[], stdin: string | Buffer[] = "") {
  const out: string[] = [];
  const err: string[] = [];
  const chunks = typeof stdin === "string" ? [Buffer.from(stdin)] : stdin;
  let code: number;
  try {
    code = await runAsk(args, { stdin: Readable.from(chunks), out: (l) => out.push(...l.split("\n")), err: (l) => err.push(l) }, answerer);
  } catch (error) {
    return { code: -1, out, err: [...err, (error as Error).message] };
  }
  return { code, out, err };
}

describe("npm run ask", () => {
  it("answers the README's French question in French, with the amount, the report and its year (the command itself)", () => {
    const out = execFileSync("node_modules/.bin/tsx", ["src/cli/ask.ts", "Quelle est l'amende pour dépassement de visa en Tunisie ?"], { encoding: "utf8", env: { ...process.env, RELAIS_OFFLINE: "1" } });
    expect(out).toMatch(/20 dinars tunisiens par semaine/);
    expect(out).toMatch(/Urban Mixed Migration – Tunis and Bamako case studies, Mixed Migration Centre \(MMC\), 2020/);
  });

  it("ends quietly when what reads its output stops early (| head), with no stack trace", async () => {
    const child = spawn("node_modules/.bin/tsx", ["src/cli/ask.ts", "--jsonl"], { env: { ...process.env, RELAIS_OFFLINE: "1" } });
    child.stdin.end(Array.from({ length: 30 }, () => '{"question": "Quelle est l\'amende pour dépassement de visa en Tunisie ?"}').join("\n"));
    let err = "";
    child.stderr.on("data", (chunk) => (err += String(chunk)));
    child.stdout.once("data", () => child.stdout.destroy()); // a reader that takes one chunk and closes the pipe
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(err).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it("prints one contract line per input line, in order, for --jsonl", async () => {
    const input = ['{"id":"x","question":"Do ECOWAS citizens need a visa for Mali?"}', "ou trouver de l'aide a bamako", '{"id":"y","question":"Who won the football match yesterday?"}'].join("\n");
    const { out } = await ask(["--jsonl"], input);
    expect(out).toHaveLength(3);
    const answers = out.map((line) => ContractSchema.parse(JSON.parse(line)));
    expect(answers.map((a) => [a.id, a.lang, a.abstained])).toEqual([["x", "en", false], [undefined, "fr", false], ["y", "en", true]]);
    for (const line of out) {
      const keys = Object.keys(JSON.parse(line));
      expect(keys).toEqual(ORDER.filter((k) => keys.includes(k)));
    }
    expect(answers[0]!.citations.length).toBeGreaterThan(0);
    expect(answers[0]!.passages.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it("gives a bad line an error object with its line number and its id when readable, keeping its place", async () => {
    const { out, err } = await ask(["--jsonl"], '{"id":"1","question":"visa mali"}\n{"id":"2"}\n{oops\n');
    expect(out.map((l) => JSON.parse(l))).toMatchObject([{ id: "1" }, { line: 2, id: "2", error: expect.stringMatching(/no "question"/) }, { line: 3, error: expect.stringMatching(/not valid JSON/) }]);
    ErrorSchema.parse(JSON.parse(out[2]!));
    expect(err.join("\n")).toMatch(/line 3/);
  });

  it("honours --json, --lang and --k", async () => {
    const answer = ContractSchema.parse(JSON.parse((await ask(["--json", "--lang", "fr", "--k", "7", "How many Malians live abroad?"])).out.join("\n")));
    expect(answer.lang).toBe("fr");
    expect(answer.passages).toHaveLength(7);
  });

  it("stops with a usage message on a bad flag or value, and explains every flag on --help", async () => {
    expect((await ask(["--retriever", "magic", "visa"])).err.join()).toMatch(/--retriever must be one of lexical, dense, hybrid/);
    expect((await ask(["--k", "abc", "visa"])).err.join()).toMatch(/--k takes a whole number/);
    expect((await ask(["--colour", "visa"])).err.join()).toMatch(/colour/);
    const help = await ask(["--help"]);
    expect(help.code).toBe(0);
    for (const flag of ["--json", "--jsonl", "--retriever", "--k", "--lang"]) expect(help.out.join("\n")).toContain(flag);
  });

  it("refuses a question longer than it reads, saying the limit", async () => {
    expect((await ask(["x".repeat(10_000)])).err.join()).toMatch(/10000 characters long; ask takes at most 2000/);
  });
});

// What the --jsonl stream looked like to a shell pipeline: outputs must line up with inputs.
describe("npm run ask -- --jsonl, line by line", () => {
  it("answers a blank line with an error object, so the n-th output is the n-th input's", async () => {
    const { out } = await ask(["--jsonl"], '{"id":"a","question":"visa mali"}\n\n   \n{"id":"b","question":"amende tunisie"}\n');
    expect(out).toHaveLength(4);
    expect(out.map((l) => JSON.parse(l))).toMatchObject([{ id: "a" }, { line: 2, error: expect.stringMatching(/blank/) }, { line: 3, error: expect.stringMatching(/blank/) }, { id: "b" }]);
  });

  it("reads Windows line ends as one line end, and a lone carriage return as part of its line", async () => {
    const { out } = await ask(["--jsonl"], '{"id":"a","question":"visa mali"}\r\n{"id":"b","question":"visa\rtunisie"}\r\nfine tunisia\ramount');
    expect(out).toHaveLength(3);
    expect(out.map((l) => JSON.parse(l))).toMatchObject([{ id: "a" }, { line: 2, error: expect.stringMatching(/not valid JSON/) }, { question: "fine tunisia\ramount" }]);
  });

  it("keeps lines whole when they arrive cut across chunks", async () => {
    const { out } = await ask(["--jsonl"], [Buffer.from('{"id":"a","quest'), Buffer.from('ion":"visa mali"}\r'), Buffer.from("\n\n")]);
    expect(out.map((l) => JSON.parse(l))).toMatchObject([{ id: "a", abstained: false }, { line: 2 }]);
  });

  it("refuses a line past the cap without reading it into memory, and goes on", async () => {
    const huge = `{"id":"big","question":"${"a".repeat(MAX_LINE_BYTES)}"}`;
    const { out } = await ask(["--jsonl"], `${huge}\nvisa mali\n`);
    expect(out.map((l) => JSON.parse(l))).toMatchObject([{ line: 1, error: expect.stringMatching(/bytes long; the limit is 16384/) }, { question: "visa mali" }]);
  });
});
