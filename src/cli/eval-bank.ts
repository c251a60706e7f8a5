/**
 * npm run eval:bank [-- --sample N] [--seed S]
 * The question bank's own questions as unseen questions: a sample of them, each answered with
 * itself left out of the bank (its sentence keeps its other questions, as a new question in the
 * same words would find them), scored on whether the answer cites the sentence it was written
 * for. Its writers never saw an evaluation question, so this measure spends none of the unseen
 * splits; it is stricter than "facts shown" (the same fact in another passage, a key finding
 * repeating the body, counts as a miss). Lexical retrieval only: the bank's vectors would still
 * hold the question.
 */
import { Answerer } from "../answer/index.js";
import { type BankLine, type BankQuestionOf, bankQuestionsOf, foldForMatch, LANGUAGES, REGISTERS } from "../corpus/index.js";
import type { PassageRetriever } from "../retrieval/index.js";
import { isEntryPoint, printHelp, readCommandLine, runCommand, wholeNumber } from "./args.js";
import { openRetrieverForCli } from "./open.js";

export const EVAL_BANK = {
  usage: "npm run eval:bank --",
  summary: [
    "Answers a sample of the question bank's own questions, each with itself left out of the bank, and reports how often the",
    "answer cites the sentence the question was written for, and how often it declines, by language and register (lexical).",
  ].join("\n"),
  flags: {
    sample: { type: "string", value: "N", description: "about how many questions are drawn", default: "900" },
    seed: { type: "string", value: "S", description: "the draw (the same seed draws the same questions)", default: "11" },
  },
} as const;

/** About `size` of the bank's questions, drawn by a seeded generator (the same seed, the same draw). */
export function drawBankQuestions(lines: readonly BankLine[], size: number, seed: number): BankQuestionOf[] {
  const all = bankQuestionsOf(lines);
  let state = seed;
  // A linear congruential generator: reproducible without a package, and enough for a draw.
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return all.filter(() => next() < size / all.length);
}

export interface BankOutcome {
  question: BankQuestionOf;
  cited: boolean;
  declined: boolean;
}

/** Each question answered with itself left out of the bank: whether the answer cites its sentence. */
export async function answerBankQuestions(questions: readonly BankQuestionOf[], retriever: PassageRetriever): Promise<BankOutcome[]> {
  const answerer = Answerer.create(retriever);
  const outcomes: BankOutcome[] = [];
  for (const question of questions) {
    const answer = await answerer.ask(question.text, { bankLeaveOut: question.text, retriever: "lexical" });
    const sentence = retriever.corpus.sentences.get(question.passageId)?.[question.sentence];
    // The sentence cited: its range in its passage, or its words in a quote of another passage printing it too.
    const opening = sentence ? foldForMatch(sentence.text).slice(0, 60) : undefined;
    const cited =
      !answer.abstained &&
      answer.citations.some((c) => (c.passageId === question.passageId && c.sentences.from <= question.sentence && question.sentence < c.sentences.to) || (opening !== undefined && foldForMatch(c.quote).includes(opening)));
    outcomes.push({ question, cited, declined: answer.abstained });
  }
  return outcomes;
}

export async function runEvalBank(argv: string[]): Promise<number | void> {
  const line = readCommandLine(EVAL_BANK, argv);
  if (line.help) return printHelp(EVAL_BANK);
  const size = wholeNumber(line.values.sample, "--sample");
  const seed = wholeNumber(line.values.seed, "--seed", 0);
  const retriever = await openRetrieverForCli({ dense: false });
  const outcomes = await answerBankQuestions(drawBankQuestions(retriever.corpus.bank?.lines ?? [], size, seed), retriever);
  console.log("| lang | register | questions | sentence cited | declined |\n|---|---|---:|---:|---:|");
  for (const lang of LANGUAGES) {
    for (const register of [...REGISTERS, "all"]) {
      const of = outcomes.filter((o) => o.question.lang === lang && (register === "all" || o.question.register === register));
      if (of.length === 0) continue;
      const share = (n: number) => (n / of.length).toFixed(2);
      console.log(`| ${lang} | ${register} | ${of.length} | ${share(of.filter((o) => o.cited).length)} | ${share(of.filter((o) => o.declined).length)} |`);
    }
  }
}

if (isEntryPoint(import.meta.url)) runCommand("eval:bank", () => runEvalBank(process.argv.slice(2)));
