/**
 * npm run add:questions -- NEW.jsonl [--to test/fixtures/questions]
 * Adds newly written questions to one of the project's question sets, each to the part its id
 * falls in (questionPart: tune or report, fixed by the id alone), after the checks of
 * check:gold. Prints counts, never a question: the report part is not read question by question.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type GoldQuestion, loadGoldSources, parseGold, questionPart, type QuestionPart } from "../eval/index.js";
import { existingFile, isEntryPoint, printHelp, readCommandLine, runCommand, UsageError } from "./args.js";
import { checkGoldFile } from "./check-gold.js";

const DEFAULT_SET_DIR = "test/fixtures/questions";
const PARTS: readonly QuestionPart[] = ["tune", "report"];

export const ADD_QUESTIONS = {
  usage: "npm run add:questions --",
  summary: [
    "Adds new questions to a question set, each to its part (tune or report) by the fixed rule of its id, once they pass",
    "the checks of check:gold and no id is already used. Prints counts only.",
  ].join("\n"),
  positionals: "NEW.jsonl",
  flags: {
    to: { type: "string", value: "DIR", description: "the set's folder, holding tune.jsonl and report.jsonl", default: DEFAULT_SET_DIR },
  },
} as const;

/** The exit code: 1 when the new questions have a problem (then nothing is added). */
export async function runAddQuestions(argv: string[]): Promise<number> {
  const line = readCommandLine(ADD_QUESTIONS, argv);
  if (line.help) return printHelp(ADD_QUESTIONS);
  const [file] = line.positionals;
  if (!file || line.positionals.length > 1) throw new UsageError("give one file of new questions: npm run add:questions -- new.jsonl");
  existingFile(file);
  const dir = line.values.to;
  const targets = Object.fromEntries(PARTS.map((part) => [part, join(dir, `${part}.jsonl`)])) as Record<QuestionPart, string>;
  for (const target of Object.values(targets)) existingFile(target);

  if (checkGoldFile(file, loadGoldSources()) > 0) {
    console.error(`add:questions: nothing added; fix the problems above in ${file}.`);
    return 1;
  }
  const taken = new Set(Object.values(targets).flatMap((target) => idsIn(target)));
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n").filter((l) => l.trim());
  const { questions } = parseGold(text, file);
  const reused = questions.filter((q) => taken.has(q.id)).length;
  if (reused) {
    console.error(`add:questions: ${reused} id(s) of ${file} are already in ${dir}; nothing added.`);
    return 1;
  }
  const added: Record<QuestionPart, string[]> = { tune: [], report: [] };
  questions.forEach((q, i) => added[questionPart(q.id)].push(lines[i]!));
  for (const part of PARTS) if (added[part].length) appendFileSync(targets[part], withNewline(targets[part], added[part].join("\n") + "\n"));
  console.log(`add:questions: ${questions.length} added (${summary(questions)}): ${added.tune.length} to ${targets.tune}, ${added.report.length} to ${targets.report}.`);
  return 0;
}

function idsIn(path: string): string[] {
  return parseGold(readFileSync(path, "utf8"), path).questions.map((q) => q.id);
}

/** The text to append, starting on a line of its own when the file lacks a final newline. */
function withNewline(path: string, text: string): string {
  const current = readFileSync(path, "utf8");
  return current.length && !current.endsWith("\n") ? `\n${text}` : text;
}

function summary(questions: GoldQuestion[]): string {
  const answerable = questions.filter((q) => q.answerable).length;
  const french = questions.filter((q) => q.lang === "fr").length;
  return `${answerable} answerable, ${french} in French`;
}

if (isEntryPoint(import.meta.url)) runCommand("add:questions", () => runAddQuestions(process.argv.slice(2)));
