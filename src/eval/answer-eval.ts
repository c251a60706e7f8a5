import type { Answer } from "../answer/index.js";
import { foldForMatch, wordTokens } from "../corpus/index.js";
import type { Language, LanguageGuess } from "../retrieval/index.js";
import { ENGLISH_FUNCTION_WORDS, FRENCH_FUNCTION_WORDS } from "../retrieval/index.js";
import { holdsAnySupport, type GoldQuestion } from "./gold.js";
import { mean, median, percentile } from "./metrics.js";

export interface AnswerOutcome {
  question: GoldQuestion;
  answer: Answer;
  /** Expected facts shown, out of those expected (none expected: undefined). */
  factsShown?: { found: number; expected: number };
  /** One entry per citation: its passage holds a support quote or an expected fact. */
  citationsSupported: boolean[];
  abstainedCorrectly: boolean;
  languageCorrect: boolean;
  /** For an answered French question: French function words outnumber English ones two to one, quotes included. */
  readsAsFrench?: boolean;
  /** Words of the reply a person reads (its text, quotes included), when it answers. */
  words?: number;
  latencyMs: number;
}

/** Scores one answer by the rules of the gold file (test/fixtures/gold-README.md). */
export function scoreAnswer(question: GoldQuestion, answer: Answer, languages: { identify(text: string, fallback: Language): LanguageGuess }): AnswerOutcome {
  const shown = foldForMatch([answer.text, ...answer.citations.map((c) => c.quote)].join(" "));
  const facts = question.expected_facts;
  const passageText = (id: string) => answer.passages.find((p) => p.passage.id === id)?.passage.text;
  const citationsSupported = answer.citations.map((c) => {
    const text = passageText(c.passageId) ?? c.quote;
    return holdsAnySupport(text, question) || facts.some((f) => foldForMatch(text).includes(foldForMatch(f)));
  });
  return {
    question,
    answer,
    ...(facts.length ? { factsShown: { found: facts.filter((f) => shown.includes(foldForMatch(f))).length, expected: facts.length } } : {}),
    citationsSupported,
    abstainedCorrectly: answer.abstained === !question.answerable,
    languageCorrect: languages.identify(ownWords(answer.text), question.lang === "fr" ? "en" : "fr").lang === question.lang,
    ...(question.lang === "fr" && !answer.abstained ? { readsAsFrench: readsAsFrench(answer.text) } : {}),
    ...(!answer.abstained ? { words: wordTokens(answer.text).length } : {}),
    latencyMs: answer.timings.totalMs,
  };
}

/** Words that are function words of one language only (French "on" or "a" count for neither). */
const ONLY_FRENCH = new Set([...FRENCH_FUNCTION_WORDS].filter((w) => !ENGLISH_FUNCTION_WORDS.has(w)));
const ONLY_ENGLISH = new Set([...ENGLISH_FUNCTION_WORDS].filter((w) => !FRENCH_FUNCTION_WORDS.has(w)));

/** A French reader can read it: French function words outnumber English ones at least two to one. */
export function readsAsFrench(text: string): boolean {
  const tokens = wordTokens(text);
  const french = tokens.filter((t) => ONLY_FRENCH.has(t)).length;
  const english = tokens.filter((t) => ONLY_ENGLISH.has(t)).length;
  return french > 0 && french >= 2 * english;
}

/** The answer's own words: quotes from the reports (in their language) are left out. */
export function ownWords(text: string): string {
  return text
    .replace(/«[^»]*»/g, " ")
    .replace(/“[^”]*”/g, " ")
    .replace(/\[\d+\]/g, " ")
    .replace(/\([^)]*\b(19|20)\d\d\)/g, " ");
}

export interface AnswerSummary {
  questions: number;
  factRecall: number;
  citationSupport: number;
  abstentionAccuracy: number;
  abstentionPrecision: number;
  abstentionRecall: number;
  languageAccuracy: number;
  /** Share of answered French questions whose answer reads as French. */
  frenchReadable: number;
  /** Median and 90th percentile of the answers' length in words (answers given only). */
  wordsP50: number;
  wordsP90: number;
  latencyP50Ms: number;
}

export function summarizeAnswers(outcomes: AnswerOutcome[]): AnswerSummary {
  const withFacts = outcomes.flatMap((o) => (o.factsShown ? [o.factsShown] : []));
  const citations = outcomes.flatMap((o) => o.citationsSupported);
  const unanswerable = outcomes.filter((o) => !o.question.answerable);
  const declinedRight = unanswerable.filter((o) => o.abstainedCorrectly).length;
  const declinedAll = outcomes.filter(wasDeclined).length;
  const french = outcomes.flatMap((o) => (o.readsAsFrench === undefined ? [] : [o.readsAsFrench ? 1 : 0]));
  const words = outcomes.flatMap((o) => (o.words === undefined ? [] : [o.words]));
  return {
    questions: outcomes.length,
    factRecall: withFacts.length ? withFacts.reduce((s, f) => s + f.found, 0) / withFacts.reduce((s, f) => s + f.expected, 0) : Number.NaN,
    citationSupport: citations.length ? mean(citations.map((c) => (c ? 1 : 0))) : Number.NaN,
    abstentionAccuracy: mean(outcomes.map((o) => (o.abstainedCorrectly ? 1 : 0))),
    abstentionPrecision: declinedAll ? declinedRight / declinedAll : Number.NaN,
    abstentionRecall: unanswerable.length ? declinedRight / unanswerable.length : Number.NaN,
    languageAccuracy: mean(outcomes.map((o) => (o.languageCorrect ? 1 : 0))),
    frenchReadable: mean(french),
    wordsP50: words.length ? percentile(words, 50) : Number.NaN,
    wordsP90: words.length ? percentile(words, 90) : Number.NaN,
    latencyP50Ms: median(outcomes.map((o) => o.latencyMs)),
  };
}

/** Declined: an unanswerable question declined rightly, or an answerable one declined wrongly. */
function wasDeclined(o: AnswerOutcome): boolean {
  return o.question.answerable ? !o.abstainedCorrectly : o.abstainedCorrectly;
}

/** The abstention confusion table: answerable or not, against answered or declined. */
export function confusion(outcomes: AnswerOutcome[]): { answerableAnswered: number; answerableDeclined: number; unanswerableAnswered: number; unanswerableDeclined: number } {
  const count = (answerable: boolean, declined: boolean) => outcomes.filter((o) => o.question.answerable === answerable && o.answer.abstained === declined).length;
  return { answerableAnswered: count(true, false), answerableDeclined: count(true, true), unanswerableAnswered: count(false, false), unanswerableDeclined: count(false, true) };
}

/** What went wrong with one answer, in a few words; undefined when nothing did. */
export function failureOf(o: AnswerOutcome): string | undefined {
  if (!o.abstainedCorrectly) return o.question.answerable ? `declined (${o.answer.evidence?.declined ?? "?"})` : "answered an unanswerable question";
  const problems: string[] = [];
  if (o.factsShown && o.factsShown.found < o.factsShown.expected) problems.push(`facts ${o.factsShown.found}/${o.factsShown.expected}`);
  if (o.citationsSupported.some((c) => !c)) problems.push("a citation without support");
  if (!o.languageCorrect) problems.push("wrong language");
  if (o.readsAsFrench === false) problems.push("does not read as French");
  return problems.length ? problems.join(", ") : undefined;
}
