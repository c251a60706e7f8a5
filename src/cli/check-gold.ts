/**
 * npm run check:gold -- FILE.jsonl [FILE.jsonl ...]
 * Checks question sets against the reports: each support quote is word for word in its report
 * and held by a corpus passage, each expected fact is in the support quotes, ids are unique.
 * Problems name the question's id, never its words.
 */
import { readFileSync } from "node:fs";
import { checkGoldQuestion, type GoldSources, loadGoldSources, parseGold } from "../eval/index.js";
import { existingFile, isEntryPoint, printHelp, readCommandLine, runCommand, UsageError } from "./args.js";

export const CHECK_GOLD = {
  usage: "npm run check:gold --",
  summary: [
    "Checks question sets against the reports: each support quote word for word in its report and held by a passage,",
    "each expected fact in the support quotes, ids unique. Problems name the question's id, never its words.",
  ].join("\n"),
  positionals: "FILE.jsonl [FILE.jsonl ...]",
  flags: {},
} as const;

/** The exit code: 1 when any question has a problem. */
export async function runCheckGold(argv: string[]): Promise<number> {
  const line = readCommandLine(CHECK_GOLD, argv);
  if (line.help) return printHelp(CHECK_GOLD);
  const files = line.positionals;
  if (files.length === 0) throw new UsageError("give the question files to check: npm run check:gold -- test/fixtures/gold-dev.jsonl");
  for (const file of files) existingFile(file);
  const sources = loadGoldSources();
  const seen = new Set<string>();
  let problems = 0;
  for (const file of files) problems += checkGoldFile(file, sources, seen);
  console.log(`${problems} problem(s).`);
  return problems ? 1 : 0;
}

/**
 * Checks one question file against the reports (loadGoldSources), printing each problem by id
 * and the file's counts; returns the number of problems. `seen` collects ids across files, so an
 * id used in two files is caught.
 */
export function checkGoldFile(file: string, sources: GoldSources, seen = new Set<string>()): number {
  const { questions, errors } = parseGold(readFileSync(file, "utf8"), file);
  for (const e of errors) console.error(e);
  let problems = errors.length;
  for (const q of questions) {
    const found = checkGoldQuestion(q, sources);
    if (seen.has(q.id)) found.push("id used twice");
    seen.add(q.id);
    for (const p of found) console.error(`${file} ${q.id}: ${p}`);
    problems += found.length;
  }
  const answerable = questions.filter((q) => q.answerable).length;
  const fr = questions.filter((q) => q.lang === "fr").length;
  console.log(`${file}: ${questions.length} questions (${answerable} answerable, ${fr} French).`);
  return problems;
}

if (isEntryPoint(import.meta.url)) runCommand("check:gold", () => runCheckGold(process.argv.slice(2)));
