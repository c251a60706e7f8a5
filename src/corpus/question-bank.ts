import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { parseJsonLines } from "../data-file.js";
import { sha256 } from "./build.js";
import { LANGUAGES, type Language } from "./languages.js";
import { type Corpus, CorpusError } from "./load.js";
import { foldForMatch, wordTokens } from "./text.js";
import { needsTranslation, numbersIn } from "./translations.js";

/**
 * corpus/question-bank.jsonl: for every sentence of the reports, the questions people ask that
 * it answers, written by the team from the reports (never from an evaluation question). The
 * machine cannot read meaning at run time; the bank carries what a reader saw, once.
 */
export const QUESTION_BANK_FILE = "question-bank.jsonl";

export const REGISTERS = ["formal", "informal"] as const;
export type Register = (typeof REGISTERS)[number];

export const BankQuestionSchema = z.object({
  lang: z.enum(LANGUAGES),
  register: z.enum(REGISTERS),
  text: z.string().trim().min(3).max(300),
});
export type BankQuestion = z.infer<typeof BankQuestionSchema>;

const BankLineSchema = z.object({
  passageId: z.string().min(1),
  /** Index of the sentence in its passage (as in corpus/translations/). */
  sentence: z.number().int().nonnegative(),
  questions: z.array(BankQuestionSchema),
  /** Why the sentence has nothing to ask (a title, a reference, a fragment). */
  none: z.string().min(3).optional(),
  /** false for questions drafted by a machine that no person has read yet (`npm run draft:bank`). */
  reviewed: z.boolean().optional(),
});
export type BankLine = z.infer<typeof BankLineSchema>;

/** A bank question and the sentence it was written for. */
export interface BankQuestionOf extends BankQuestion {
  passageId: string;
  sentence: number;
}

/** Every question of the bank's lines, each with the sentence it was written for, in bank order. */
export function bankQuestionsOf(lines: readonly BankLine[]): BankQuestionOf[] {
  return lines.flatMap((line) => line.questions.map((q) => ({ ...q, passageId: line.passageId, sentence: line.sentence })));
}

export interface QuestionBank {
  lines: BankLine[];
  /** sha256 of the file: the index records it to detect a stale index. */
  sha256: string;
}

/** Each askable sentence's questions: at least this many in each language, this many of them informal. */
export const BANK_MINIMUM: Record<Language, { questions: number; informal: number }> = {
  fr: { questions: 3, informal: 2 },
  en: { questions: 3, informal: 1 },
};
/** A sentence this long, or holding a figure, states something: it needs questions or a reason why not. */
const ASKABLE_WORDS = 12;

export const FIX_BANK = "Fix the line it names, or restore the file with `git checkout -- corpus/question-bank.jsonl`; `npm run check:bank` lists every problem.";

/** How a sentence is named in the bank and its checks: "passageId#index". */
export function sentenceKey(passageId: string, sentence: number): string {
  return `${passageId}#${sentence}`;
}

/** The passage and sentence index a sentenceKey names. */
export function parseSentenceKey(key: string): { passageId: string; sentence: number } {
  const at = key.lastIndexOf("#");
  return { passageId: key.slice(0, at), sentence: Number(key.slice(at + 1)) };
}

export function questionBankPath(dir: string): string {
  return join(dir, QUESTION_BANK_FILE);
}

/** Parses the bank's lines; a line that cannot be read is named, the others kept. */
export function parseQuestionBank(text: string, where: string): { lines: BankLine[]; errors: string[] } {
  const { records, errors } = parseJsonLines(text, BankLineSchema, where);
  return { lines: records, errors };
}

/** Reads the bank, naming the file and the fix when it is missing or a line cannot be read. */
export function loadQuestionBank(dir: string): QuestionBank {
  const path = questionBankPath(dir);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : "cannot be read";
    throw new CorpusError(`${path} ${reason}. ${FIX_BANK}`);
  }
  const { lines, errors } = parseQuestionBank(text, path);
  if (errors.length) throw new CorpusError(`${errors[0]}. ${FIX_BANK}`);
  return { lines, sha256: sha256(text) };
}

export function bankLine(line: BankLine): string {
  return JSON.stringify(line);
}

/** A question as compared for duplicates: lowercase, accent-free, letters and digits. */
function questionKey(text: string): string {
  return foldForMatch(text);
}

/** A word of letters and digits ("4Mi", "G5", "C111"), not a figure alone. */
export const NAME_WITH_DIGIT = /\b(?=[\p{L}\d]*\d)(?=[\p{L}\d]*\p{L})[\p{L}\d]+\b/gu;

/**
 * What `npm run check:bank` reports: every sentence of the corpus (bibliographies aside) has
 * its line, in corpus order; a sentence with a figure or of ASKABLE_WORDS words or more has questions or a reason;
 * each sentence's questions meet BANK_MINIMUM; no question twice; no question carries a number
 * its sentence (either language) or its passage's headings lack.
 */
export function checkQuestionBank(corpus: Corpus, lines: BankLine[]): string[] {
  const problems: string[] = [];
  // The sentences of every passage that is translated (bibliographies are not, and answer nothing).
  const expected = corpus.passages.filter(needsTranslation).flatMap((p) => (corpus.sentences.get(p.id) ?? []).map((_, i) => sentenceKey(p.id, i)));
  const seen = new Map<string, BankLine>();
  const order: string[] = [];
  for (const line of lines) {
    const id = sentenceKey(line.passageId, line.sentence);
    const passage = corpus.passageById.get(line.passageId);
    const sentence = corpus.sentences.get(line.passageId)?.[line.sentence];
    if (!passage || !sentence) {
      problems.push(`${id}: no such sentence in the corpus`);
      continue;
    }
    if (seen.has(id)) {
      problems.push(`${id}: two lines`);
      continue;
    }
    seen.set(id, line);
    order.push(id);
    const fr = sentence.translations.fr?.text ?? "";
    if (line.questions.length === 0) {
      const askable = /\d/.test(sentence.text) || wordTokens(sentence.text).length >= ASKABLE_WORDS;
      if (askable && !line.none) problems.push(`${id}: a sentence with a figure or of ${ASKABLE_WORDS} words or more needs questions or a "none" reason`);
      continue;
    }
    if (line.none) problems.push(`${id}: has questions and a "none" reason`);
    for (const lang of LANGUAGES) {
      const ofLang = line.questions.filter((q) => q.lang === lang);
      const informal = ofLang.filter((q) => q.register === "informal").length;
      const min = BANK_MINIMUM[lang];
      if (ofLang.length < min.questions || informal < min.informal) {
        problems.push(`${id}: needs at least ${min.questions} ${lang} questions (${min.informal} informal); has ${ofLang.length} (${informal} informal)`);
      }
    }
    // A number as the translation checks read it ("1,013,760"), or any run of digits in it: a
    // footnote mark glued to a year ("2020.6") or a date ("13.02.2013") still says the year.
    const said = [sentence.text, fr, passage.section.join(" ")];
    const allowed = new Set([...numbersIn(said[0]!, "en"), ...numbersIn(fr, "fr"), ...numbersIn(said[2]!, "en"), ...said.flatMap((t) => t.match(/\d+/g) ?? [])]);
    // A name with a digit in it ("4Mi", "G5", "C111") that the passage uses is a name, not a figure.
    const names = new Set((passage.text.match(NAME_WITH_DIGIT) ?? []).map((n) => n.toLowerCase()));
    for (const q of line.questions) {
      const figures = q.text.replace(NAME_WITH_DIGIT, (n) => (names.has(n.toLowerCase()) ? " " : n));
      const stray = numbersIn(figures, q.lang).filter((n) => !allowed.has(n));
      if (stray.length) problems.push(`${id}: "${q.text}" says ${stray.join(", ")}, which the sentence and its headings do not`);
    }
  }
  const firstAt = new Map<string, string>();
  for (const line of lines) {
    for (const q of line.questions) {
      const key = questionKey(q.text);
      const at = sentenceKey(line.passageId, line.sentence);
      const before = firstAt.get(key);
      if (before !== undefined) problems.push(`${at}: "${q.text}" is already a question of ${before}`);
      else firstAt.set(key, at);
    }
  }
  const missing = expected.filter((id) => !seen.has(id));
  if (missing.length) problems.push(`${missing.length} sentences have no line (first: ${missing.slice(0, 3).join(", ")}); \`npm run draft:bank -- --missing\` drafts them`);
  const inCorpusOrder = expected.filter((id) => seen.has(id));
  if (!missing.length && order.join() !== inCorpusOrder.join()) problems.push("the lines are not in corpus order");
  return problems;
}
