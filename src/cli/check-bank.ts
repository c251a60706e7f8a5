/**
 * npm run check:bank [-- --file FILE]
 * Checks the question bank against the corpus: every sentence has its line, in corpus order;
 * every sentence with a figure or of twelve words or more has questions or a reason why not;
 * each askable sentence has its French and English questions, formal and informal; no
 * question twice; no number a question says that its sentence and headings do not.
 */
import { checkQuestionBank, DEFAULT_CORPUS_DIR, loadCorpus, parseQuestionBank, questionBankPath } from "../corpus/index.js";
import { readDataText } from "../data-file.js";
import { existingFile, isEntryPoint, printHelp, readCommandLine, runCommand } from "./args.js";

export const CHECK_BANK = {
  usage: "npm run check:bank --",
  summary: [
    "Checks the question bank against the corpus: a line per sentence in corpus order, questions (or a reason) for every",
    "sentence that states something, French and English, formal and informal, no duplicate, no number the sentence lacks.",
  ].join("\n"),
  flags: {
    file: { type: "string", value: "FILE", description: "the file checked (default corpus/question-bank.jsonl)" },
  },
} as const;

/** The exit code: 1 when the bank has a problem. */
export async function runCheckBank(argv: string[]): Promise<number> {
  const line = readCommandLine(CHECK_BANK, argv);
  if (line.help) return printHelp(CHECK_BANK);
  const file = line.values.file === undefined ? questionBankPath(DEFAULT_CORPUS_DIR) : existingFile(line.values.file, "--file");
  // The bank is what is being checked: the corpus is read without it.
  const corpus = loadCorpus(undefined, { bank: false });
  const { lines, errors } = parseQuestionBank(readDataText(file, "Restore it with `git checkout -- corpus/question-bank.jsonl`."), file);
  const problems = [...errors, ...checkQuestionBank(corpus, lines)];
  for (const problem of problems) console.error(problem);
  const questions = lines.reduce((n, l) => n + l.questions.length, 0);
  const unreviewed = lines.filter((l) => l.reviewed === false).length;
  console.log(`${file}: ${lines.length} sentences, ${lines.filter((l) => l.questions.length).length} with questions, ${questions} questions${unreviewed ? `, ${unreviewed} drafted and not yet reviewed` : ""}; ${problems.length} problem(s).`);
  return problems.length ? 1 : 0;
}

if (isEntryPoint(import.meta.url)) runCommand("check:bank", () => runCheckBank(process.argv.slice(2)));
