import { Answerer, type AskOptions, createGenerator, MAX_QUESTION_CHARS, renderPlainText, toContract } from "../answer/index.js";
import { chatEndpoint, readConfig } from "../config.js";
import { LANGUAGES, RETRIEVER_KINDS, type RetrieverKind } from "../retrieval/index.js";
import { helpText, oneOf, readCommandLine, UsageError, wholeNumber } from "./args.js";
import { readLines } from "./lines.js";
import { openRetrieverForCli } from "./open.js";

export const ASK = {
  usage: "npm run ask --",
  summary: [
    "Answers a question from the reports, with its sources, in the question's language.",
    "--json prints the answer as one JSON object; --jsonl reads one question per line on stdin",
    '(plain text or {"id":"1","question":"...","previous":["earlier message"]}) and prints exactly one JSON line per input line.',
  ].join("\n"),
  positionals: '"QUESTION"',
  flags: {
    json: { type: "boolean", description: "one JSON object (the contract in the README)", default: false },
    jsonl: { type: "boolean", description: "one JSON line per line of stdin, in order", default: false },
    retriever: { type: "string", value: RETRIEVER_KINDS.join("|"), description: "how passages are found (default RETRIEVER, else lexical)" },
    k: { type: "string", value: "N", description: "passages returned with the answer, at least 5", default: "5" },
    lang: { type: "string", value: LANGUAGES.join("|"), description: "answer in this language (default: the question's)" },
    previous: { type: "string", value: "MESSAGE", description: "the message sent before the question: a follow-up that leans on it is read with it" },
  },
} as const;

/** A --jsonl line longer than this is answered with an error, unread: a question and its id fit many times. */
export const MAX_LINE_BYTES = 16 * 1024;

export interface AskIo {
  stdin: AsyncIterable<Buffer | string>;
  out(line: string): void;
  err(line: string): void;
}

/** `npm run ask`: returns the exit code (2 for a usage mistake). */
export async function runAsk(argv: string[], io: AskIo, opened?: Answerer): Promise<number> {
  const line = readCommandLine(ASK, argv);
  if (line.help) {
    io.out(helpText(ASK));
    return 0;
  }
  const { values, positionals } = line;
  const retrieverKind = values.retriever === undefined ? undefined : oneOf(values.retriever, RETRIEVER_KINDS, "--retriever");
  const lang = values.lang === undefined ? undefined : oneOf(values.lang, LANGUAGES, "--lang");
  const k = wholeNumber(values.k, "--k");
  const question = positionals.join(" ").trim();
  if (values.jsonl && question) throw new UsageError("--jsonl reads its questions from stdin: give no question on the command line");
  if (!values.jsonl && !question) throw new UsageError('give a question: npm run ask -- "Quelle est l\'amende pour dépassement de visa en Tunisie ?"');
  if (question.length > MAX_QUESTION_CHARS) throw new UsageError(`the question is ${question.length} characters long; ask takes at most ${MAX_QUESTION_CHARS}: keep the question itself`);

  // Opened here, the retriever asked for (--retriever, else RETRIEVER) is the default, and falls
  // back to lexical, said on stderr, when this install cannot offer it.
  const answerer = opened ?? (await openAnswerer(retrieverKind, io));
  const options: AskOptions = { k, ...(opened && retrieverKind ? { retriever: retrieverKind } : {}), ...(lang ? { lang } : {}), ...(values.previous?.trim() ? { previous: [values.previous.trim()] } : {}) };
  if (!values.jsonl) {
    const answer = await answerer.ask(question, options);
    io.out(values.json ? JSON.stringify(toContract(answer)) : renderPlainText(answer));
    return 0;
  }
  for await (const input of readLines(io.stdin, MAX_LINE_BYTES)) {
    const parsed = "text" in input ? parseLine(input.text) : { error: `the line is ${input.tooLongBytes} bytes long; the limit is ${MAX_LINE_BYTES}` };
    if ("error" in parsed) {
      io.err(`ask: line ${input.number}: ${parsed.error}`);
      io.out(JSON.stringify({ line: input.number, ...(parsed.id !== undefined ? { id: parsed.id } : {}), error: parsed.error }));
      continue;
    }
    const answer = await answerer.ask(parsed.question, { ...options, ...(parsed.id !== undefined ? { id: parsed.id } : {}), ...(parsed.previous ? { previous: parsed.previous } : {}) });
    io.out(JSON.stringify(toContract(answer)));
  }
  return 0;
}

async function openAnswerer(retrieverKind: RetrieverKind | undefined, io: AskIo): Promise<Answerer> {
  const config = readConfig(process.env, "tools");
  const retriever = await openRetrieverForCli({ retriever: retrieverKind ?? config.RETRIEVER });
  return Answerer.create(retriever, { generator: await createGenerator(chatEndpoint(config), io.err, retriever) });
}

type ParsedLine = { question: string; id?: string; previous?: string[] } | { error: string; id?: string };

/** A JSON object with `question` (and optional `id`, and `previous`: the earlier messages of the conversation), or the plain text of a question. */
function parseLine(line: string): ParsedLine {
  const trimmed = line.trim();
  if (!trimmed) return { error: "the line is blank; send a question, or an object like {\"id\":\"1\",\"question\":\"...\"}" };
  if (!trimmed.startsWith("{")) return withinCap({ question: trimmed });
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { error: "not valid JSON; send an object like {\"id\":\"1\",\"question\":\"...\"} or plain text" };
  }
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const id = typeof record.id === "string" || typeof record.id === "number" ? String(record.id) : undefined;
  const withId = id !== undefined ? { id } : {};
  if (typeof record.question !== "string" || !record.question.trim()) return { error: "the object has no \"question\" text", ...withId };
  const previous = record.previous;
  if (previous !== undefined && !(Array.isArray(previous) && previous.every((m) => typeof m === "string"))) return { error: "\"previous\" must be an array of the earlier messages' texts", ...withId };
  return withinCap({ question: record.question.trim(), ...withId, ...(previous?.length ? { previous } : {}) });
}

function withinCap(parsed: { question: string; id?: string; previous?: string[] }): ParsedLine {
  if (parsed.question.length <= MAX_QUESTION_CHARS) return parsed;
  return { error: `the question is ${parsed.question.length} characters long; the limit is ${MAX_QUESTION_CHARS}`, ...(parsed.id !== undefined ? { id: parsed.id } : {}) };
}
