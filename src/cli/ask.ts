/**
 * npm run ask -- "question"                 the answer for a person
 * npm run ask -- --json "question"          one JSON object (contract in README)
 * npm run ask -- --jsonl < questions.jsonl  one JSON line per input line, in order
 * Flags: --retriever lexical|dense|hybrid, --k N, --lang fr|en
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { Answerer, renderPlainText, toContract } from "../answer/index.js";
import { createGeneratorFromEnv } from "../answer/generator.js";
import { LANGUAGES, RETRIEVER_KINDS } from "../retrieval/index.js";
import { openRetrieverForCli } from "./open.js";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      jsonl: { type: "boolean", default: false },
      retriever: { type: "string" },
      k: { type: "string", default: "5" },
      lang: { type: "string" },
    },
  });
  const retrieverKind = values.retriever === undefined ? undefined : oneOf(values.retriever, RETRIEVER_KINDS, "--retriever");
  const lang = values.lang === undefined ? undefined : oneOf(values.lang, LANGUAGES, "--lang");
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1) throw new UsageError(`--k takes a whole number (got ${values.k})`);
  const question = positionals.join(" ").trim();
  if (!values.jsonl && !question) throw new UsageError('give a question: npm run ask -- "Quelle est l\'amende pour dépassement de visa en Tunisie ?"');

  const retriever = await openRetrieverForCli({ dense: retrieverKind !== undefined && retrieverKind !== "lexical" });
  const answerer = Answerer.create(retriever, { generator: await createGeneratorFromEnv(process.env, (message) => console.error(message)) });
  const options = { k, ...(retrieverKind ? { retriever: retrieverKind } : {}), ...(lang ? { lang } : {}) };

  if (!values.jsonl) {
    const answer = await answerer.ask(question, options);
    console.log(values.json ? JSON.stringify(toContract(answer)) : renderPlainText(answer));
    return;
  }
  let lineNumber = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNumber++;
    if (!line.trim()) continue;
    const input = parseLine(line);
    if ("error" in input) {
      console.error(`ask: line ${lineNumber}: ${input.error}`);
      console.log(JSON.stringify({ ...(input.id !== undefined ? { id: input.id } : {}), error: input.error }));
      continue;
    }
    const answer = await answerer.ask(input.question, { ...options, ...(input.id !== undefined ? { id: input.id } : {}) });
    console.log(JSON.stringify(toContract(answer)));
  }
}

/** A JSON object with `question` (and optional `id`), or the plain text of a question. */
function parseLine(line: string): { question: string; id?: string } | { error: string; id?: string } {
  const trimmed = line.trim();
  if (!trimmed.startsWith("{")) return { question: trimmed };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { error: "not valid JSON; send an object like {\"id\":\"1\",\"question\":\"...\"} or plain text" };
  }
  const record = value as Record<string, unknown>;
  const id = typeof record.id === "string" || typeof record.id === "number" ? String(record.id) : undefined;
  if (typeof record.question !== "string" || !record.question.trim()) return { error: "the object has no \"question\" text", ...(id !== undefined ? { id } : {}) };
  return { question: record.question.trim(), ...(id !== undefined ? { id } : {}) };
}

class UsageError extends Error {}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got ${value})`);
}

main().catch((error: unknown) => {
  console.error(`ask: ${(error as Error).message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
