import type { Answer } from "../answer/index.js";
import { foldForMatch } from "../corpus/index.js";
import type { Language, LanguageGuess } from "../retrieval/index.js";
import { holdsAnySupport, type GoldQuestion } from "./gold.js";
import { mean, median } from "./metrics.js";

export interface AnswerOutcome {
  question: GoldQuestion;
  /** Expected facts shown, out of those expected (none expected: undefined). */
  factsShown?: { found: number; expected: number };
  /** One entry per citation: its passage holds a support quote or an expected fact. */
  citationsSupported: boolean[];
  abstainedCorrectly: boolean;
  languageCorrect: boolean;
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
    ...(facts.length ? { factsShown: { found: facts.filter((f) => shown.includes(foldForMatch(f))).length, expected: facts.length } } : {}),
    citationsSupported,
    abstainedCorrectly: answer.abstained === !question.answerable,
    languageCorrect: languages.identify(ownWords(answer.text), question.lang === "fr" ? "en" : "fr").lang === question.lang,
    latencyMs: answer.timings.totalMs,
  };
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
  latencyP50Ms: number;
}

export function summarizeAnswers(outcomes: AnswerOutcome[]): AnswerSummary {
  const withFacts = outcomes.flatMap((o) => (o.factsShown ? [o.factsShown] : []));
  const citations = outcomes.flatMap((o) => o.citationsSupported);
  const unanswerable = outcomes.filter((o) => !o.question.answerable);
  const declinedRight = unanswerable.filter((o) => o.abstainedCorrectly).length;
  const declinedAll = outcomes.filter(wasDeclined).length;
  return {
    questions: outcomes.length,
    factRecall: withFacts.length ? withFacts.reduce((s, f) => s + f.found, 0) / withFacts.reduce((s, f) => s + f.expected, 0) : Number.NaN,
    citationSupport: citations.length ? mean(citations.map((c) => (c ? 1 : 0))) : Number.NaN,
    abstentionAccuracy: mean(outcomes.map((o) => (o.abstainedCorrectly ? 1 : 0))),
    abstentionPrecision: declinedAll ? declinedRight / declinedAll : Number.NaN,
    abstentionRecall: unanswerable.length ? declinedRight / unanswerable.length : Number.NaN,
    languageAccuracy: mean(outcomes.map((o) => (o.languageCorrect ? 1 : 0))),
    latencyP50Ms: median(outcomes.map((o) => o.latencyMs)),
  };
}

/** Declined: an unanswerable question declined rightly, or an answerable one declined wrongly. */
function wasDeclined(o: AnswerOutcome): boolean {
  return o.question.answerable ? !o.abstainedCorrectly : o.abstainedCorrectly;
}
