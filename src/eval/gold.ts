import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DEFAULT_CORPUS_DIR, DEFAULT_SOURCES_DIR, foldForMatch, loadCorpus } from "../corpus/index.js";
import { parseJsonLines, readDataText } from "../data-file.js";

/**
 * How a follow-up leans on what came before: it changes the place, the time or the group; asks
 * another detail of the same fact; refers back with a pronoun; asks a consequence; or starts a
 * new topic that must be read alone.
 */
export const FOLLOW_UP_KINDS = ["place", "time", "group", "detail", "pronoun", "consequence", "new-topic"] as const;

/** A gold question (format: test/fixtures/gold-README.md). */
export const GoldQuestionSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(["fr", "en"]),
  topic: z.string().min(1),
  question: z.string().min(1),
  answerable: z.boolean(),
  expected_facts: z.array(z.string().min(1)),
  support: z.array(z.object({ file: z.string().min(1), quote: z.string().min(1) })),
  /** How it is written: `informal` (no accents, SMS spelling, typos, the asker's situation first) or `formal`. */
  register: z.enum(["formal", "informal"]).optional(),
  /** The report the question was written from (corpus id), also for unanswerable ones. */
  report: z.string().optional(),
  /** For a follow-up: the messages sent before it in the same chat, oldest first. */
  previous: z.array(z.string().min(1)).min(1).optional(),
  /** For a follow-up: how it relates to the messages before it. */
  follow_up: z.enum(FOLLOW_UP_KINDS).optional(),
});
export type GoldQuestion = z.infer<typeof GoldQuestionSchema>;

export function readGold(path: string): GoldQuestion[] {
  const { questions, errors } = parseGold(readFileSync(path, "utf8"), path);
  if (errors.length) throw new Error(errors[0]);
  return questions;
}

export function parseGold(text: string, where: string): { questions: GoldQuestion[]; errors: string[] } {
  const { records, errors } = parseJsonLines(text, GoldQuestionSchema, where);
  return { questions: records, errors };
}

/** Characters of a long quote that must sit inside a passage when the quote is cut by a boundary. */
const QUOTE_EDGE = 60;

/** The gold file's hit rule: the passage holds the quote, or its first or last 60 folded characters. */
export function passageHoldsQuote(passageText: string, quote: string): boolean {
  return foldedHoldsQuote(foldForMatch(passageText), foldForMatch(quote));
}

function foldedHoldsQuote(passage: string, quote: string): boolean {
  return passage.includes(quote) || passage.includes(quote.slice(0, QUOTE_EDGE)) || passage.includes(quote.slice(-QUOTE_EDGE));
}

export function holdsAnySupport(passageText: string, question: GoldQuestion): boolean {
  return question.support.some((s) => passageHoldsQuote(passageText, s.quote));
}

/** The reports and passages questions are checked against, folded once for many questions. */
export interface GoldSources {
  /**
   * Source file name -> its raw text and its cleaned text (corpus/cleaned/), every run of white
   * space folded to one space: a quote is the report's words as extracted, or as cleaned of the
   * note numbers the extraction glued to them ("34% (94/276)29 of respondents").
   */
  reports: Map<string, string[]>;
  /** Passage texts of the corpus, folded for matching (a quote must be findable by the retrieval hit rule). */
  passages: string[];
}

/** The reports in corpus/sources/ and the corpus's passages, read and folded once. */
export function loadGoldSources(): GoldSources {
  // Quotes are checked against the reports' own words: translations are not needed.
  const corpus = loadCorpus(undefined, { translations: false });
  const reports = readdirSync(DEFAULT_SOURCES_DIR).filter((f) => f.endsWith(".txt"));
  return {
    reports: new Map(
      reports.map((f) => {
        const cleaned = corpus.manifest.reports.find((r) => r.file === f)?.cleanedFile;
        const texts = [readFileSync(join(DEFAULT_SOURCES_DIR, f), "utf8"), ...(cleaned ? [readDataText(join(DEFAULT_CORPUS_DIR, cleaned), "Rebuild it with `npm run build:corpus`.")] : [])];
        return [f, texts.map(foldSpaces)];
      }),
    ),
    passages: corpus.passages.map((p) => foldForMatch(p.text)),
  };
}

function foldSpaces(text: string): string {
  return text.replace(/\s+/g, " ");
}

/**
 * What is wrong with a gold question, checked against the reports (names only its id, never
 * its words: the reporting part of a question set is not read question by question).
 */
export function checkGoldQuestion(q: GoldQuestion, sources: GoldSources): string[] {
  const problems: string[] = [];
  if (q.answerable && q.support.length === 0) problems.push("answerable but has no support quote");
  if (!q.answerable && (q.support.length || q.expected_facts.length)) problems.push("unanswerable but has support or expected facts");
  const quotes = q.support.map((s) => foldForMatch(s.quote));
  q.support.forEach((s, i) => {
    const report = sources.reports.get(s.file);
    if (report === undefined) problems.push(`support ${i + 1}: no report file ${s.file}`);
    else if (!report.some((text) => text.includes(foldSpaces(s.quote)))) problems.push(`support ${i + 1}: quote not found word for word in ${s.file}`);
    else if (!sources.passages.some((p) => foldedHoldsQuote(p, quotes[i]!))) problems.push(`support ${i + 1}: no corpus passage holds the quote (page furniture or a heading?)`);
  });
  // A fact stands in a support quote, or beside it in the passage that holds it.
  const near = [...quotes, ...sources.passages.filter((p) => quotes.some((quote) => foldedHoldsQuote(p, quote)))].join(" ");
  q.expected_facts.forEach((fact, i) => {
    if (!near.includes(foldForMatch(fact))) problems.push(`expected fact ${i + 1} is in neither the support quotes nor the passages holding them`);
  });
  return problems;
}
