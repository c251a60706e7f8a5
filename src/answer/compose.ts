import { type Corpus, countWords, sentenceSpans } from "../corpus/index.js";
import type { Concept, Language, Retrieval } from "../retrieval/index.js";
import type { AnswerKind } from "./answer.js";
import { type Citation, citePassage, sentencesHolding } from "./citation.js";
import type { FactCard, FactCards } from "./fact-cards.js";
import { phrasesFor } from "./locales/index.js";
import { coverage, type TermSource } from "./support.js";

/** Below this share of the question (see coverage) in every retrieved sentence or pair, we decline. */
export const ABSTAIN_BELOW = 0.55;
/** For "how many" questions, a sentence with a figure in it is preferred by this much. */
const QUANTITY_BONUS = 0.15;
/** A second quote must score at least this share of the best one (and add something). */
const SECOND_QUOTE_RATIO = 0.9;
const MAX_QUOTES = 2;
/** How many retrieved passages a card's proof may sit in. */
export const CARD_DEPTH = 10;

export interface AnswerDraft {
  kind: AnswerKind;
  cardId?: string;
  abstained: boolean;
  text: string;
  citations: Citation[];
}

export interface ComposeContext {
  corpus: Corpus;
  cards: FactCards;
  terms: TermSource;
  /** Index terms of place names: a question about a place no passage mentions is declined. */
  placeTerms: Set<string>;
}

const QUANTITY = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|half|third|quarter|hundred|thousand|million)\b/i;
const COUNT_QUESTION = /\b(how (many|much)|combien|nombre de|number of|quel pourcentage|what percentage|what share)\b/i;
// Facts that age: amounts, laws, permits. An answer quoting them carries a warning.
const DATED_FACT = /\b(fine|penalt|law|decree|article|visa|permit|fcfa|dinar|prison|sentence|legislation|order no|convention)/i;

/**
 * The offline answerer: a fact card when one matches and its proof was retrieved; else the
 * reports' sentences that best cover the question, each cited; else a plain "the reports do
 * not say" with where to ask for help.
 */
export function composeAnswer(question: string, lang: Language, retrieval: Retrieval, context: ComposeContext, k: number): AnswerDraft {
  // A card names what it answers and its proof must have been retrieved: it is asked first.
  const card = matchCard(question, retrieval, context);
  if (card) return answerFromCard(card, lang, retrieval.concepts, context);
  const top = retrieval.passages.slice(0, k);
  if (shouldAbstain(retrieval.concepts, top, context)) return abstain(lang, context);
  return extract(question, lang, retrieval.concepts, top, context);
}

/**
 * Declines when no sentence (or pair) of the retrieved passages speaks to enough of the
 * question, or when the question names a place none of them mentions.
 */
function shouldAbstain(concepts: Concept[], top: Retrieval["passages"], context: ComposeContext): boolean {
  const windows = quoteWindows(concepts, top, context);
  if (windows.length === 0) return true;
  return Math.max(...windows.map((w) => w.coverage)) < ABSTAIN_BELOW;
}

interface QuoteWindow {
  passageIndex: number;
  sentence: string;
  /** Share of the question it covers, read under its heading. */
  coverage: number;
  /** 1 for one sentence, a little less for two. */
  factor: number;
}

/**
 * The sentences, and pairs of neighbouring sentences, that could answer: from passages that
 * are not lists of works cited and that mention every place the question names (never answer
 * about Tunis when the question is about Bamako).
 */
function quoteWindows(concepts: Concept[], top: Retrieval["passages"], context: ComposeContext): QuoteWindow[] {
  const places = concepts.filter((c) => [...c.terms].some((t) => context.placeTerms.has(t)));
  return top.flatMap((r, passageIndex) => {
    const text = r.passage.text;
    if (r.passage.kind === "reference") return [];
    const passageTerms = context.terms.termsOf(`${r.passage.section.join(" ")} ${text}`);
    if (places.some((p) => ![...p.terms].some((t) => passageTerms.has(t)))) return [];
    const spans = sentenceSpans(text);
    const heading = r.passage.section.at(-1) ?? "";
    const windows = spans.flatMap((span, i) => [
      { start: span.start, end: span.end, factor: 1 },
      ...(spans[i + 1] ? [{ start: span.start, end: spans[i + 1]!.end, factor: PAIR_FACTOR }] : []),
    ]);
    return windows.map(({ start, end, factor }) => {
      const sentence = text.slice(start, end).replace(/\s+/g, " ");
      // A sentence is read under its heading ("Bamako, migration and risks").
      return { passageIndex, sentence, coverage: coverage(concepts, `${heading} ${sentence}`, context.terms), factor };
    });
  });
}

export function abstain(lang: Language, context: ComposeContext): AnswerDraft {
  const phrases = phrasesFor(lang);
  return { kind: "abstain", abstained: true, text: `${phrases.noAnswer}\n\n${helpLine(lang, context)}`, citations: [] };
}

function helpLine(lang: Language, context: ComposeContext): string {
  const where = context.cards.help.text[lang];
  return phrasesFor(lang).help.replace("{tunis}", where.tunis).replace("{bamako}", where.bamako);
}

/**
 * The card that answers: its `when` groups are met, a passage proving one of its facts was
 * retrieved, and among such cards it speaks to most of the question.
 */
function matchCard(question: string, retrieval: Retrieval, context: ComposeContext): FactCard | undefined {
  const asked = askedTerms(retrieval.concepts);
  const retrievedIds = retrieval.passages.slice(0, CARD_DEPTH).map((r) => r.passage.id);
  const isCount = COUNT_QUESTION.test(question);
  let best: { card: FactCard; score: number; groups: number; rank: number } | undefined;
  for (const card of context.cards.cards) {
    if (isCount && !card.counts) continue;
    if (!meets(card.when, asked, context)) continue;
    const rank = Math.min(...card.facts.map((f) => retrievedIds.indexOf(f.passage.id)).filter((i) => i >= 0));
    if (!Number.isFinite(rank)) continue; // its proof was not retrieved: the question is about something else
    const score = coverage(retrieval.concepts, card.facts.map((f) => `${f.text.en} ${f.quote}`).join(" "), context.terms);
    const groups = card.when.length;
    // Ties go to the more specific card (more conditions met), then to the better-ranked proof.
    const better =
      !best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && (groups > best.groups || (groups === best.groups && rank < best.rank)));
    if (better) best = { card, score, groups, rank };
  }
  return best?.card;
}

/** A fact that covers at least this share of the best fact's coverage is shown beside it. */
const FACT_RATIO = 0.9;

/** A card or fact is matched on what the question says or directly implies, not on synonyms of synonyms. */
const MATCH_WEIGHT = 0.6;

function askedTerms(concepts: Concept[]): Set<string> {
  return new Set(concepts.flatMap((c) => [...c.weights].filter(([, w]) => w >= MATCH_WEIGHT - 1e-9).map(([t]) => t)));
}

/** Every group has a word the question asks about (in either language, through the lexicon). */
function meets(groups: string[][], asked: Set<string>, context: ComposeContext): boolean {
  return groups.every((group) => group.some((word) => [...context.terms.termsOf(word)].some((t) => asked.has(t))));
}

function answerFromCard(card: FactCard, lang: Language, concepts: Concept[], context: ComposeContext): AnswerDraft {
  const asked = askedTerms(concepts);
  const scored = card.facts.map((fact) => ({ fact, score: coverage(concepts, `${fact.text.en} ${fact.quote}`, context.terms) }));
  const best = Math.max(...scored.map((s) => s.score));
  const shown = scored
    .filter((s) => s.fact.core || (s.fact.when.length > 0 && meets(s.fact.when, asked, context)) || s.score >= FACT_RATIO * best)
    .map((s) => s.fact);
  const citations: Citation[] = [];
  const sentences = shown.map((fact) => {
    let citation = citations.find((c) => c.passageId === fact.passage.id);
    if (!citation) {
      citation = citePassage(context.corpus, fact.passage, citations.length + 1, fact.quote);
      citations.push(citation);
    } else if (!citation.quote.includes(fact.quote)) {
      citation.quote = sentencesHolding(fact.passage.text, citation.quote, fact.quote);
    }
    return withMarker(fact.text[lang], citation.marker);
  });
  const parts = [sentences.join(" ")];
  if (card.dated) parts.push(datedWarning(lang, citations));
  if (card.help) parts.push(helpLine(lang, context));
  return { kind: "card", cardId: card.id, abstained: false, text: parts.join("\n\n"), citations };
}

/** "… per week [1]." : the marker sits before the closing full stop. */
function withMarker(text: string, marker: number): string {
  return /[.!?]$/.test(text) ? `${text.slice(0, -1)} [${marker}]${text.slice(-1)}` : `${text} [${marker}]`;
}

function datedWarning(lang: Language, citations: Citation[]): string {
  const years = [...new Set(citations.map((c) => c.year))].sort();
  const text = years.length > 1 ? `${years.slice(0, -1).join(", ")} ${lang === "fr" ? "et" : "and"} ${years.at(-1)}` : String(years[0]);
  return phrasesFor(lang).mayHaveChanged.replace("{years}", text);
}

interface Candidate {
  passageIndex: number;
  sentence: string;
  score: number;
}

/** A quote longer than this is hard to read on a phone; it is used only when nothing shorter fits. */
const LONG_QUOTE_WORDS = 80;
/** Two sentences must cover more than one to be quoted together. */
const PAIR_FACTOR = 0.97;

function extract(question: string, lang: Language, concepts: Concept[], top: Retrieval["passages"], context: ComposeContext): AnswerDraft {
  const isCount = COUNT_QUESTION.test(question);
  const candidates: Candidate[] = quoteWindows(concepts, top, context).map((w) => {
    let score = w.coverage * (1 - 0.04 * w.passageIndex) * w.factor;
    if (isCount && QUANTITY.test(w.sentence)) score += QUANTITY_BONUS;
    if (countWords(w.sentence) > LONG_QUOTE_WORDS) score *= 0.5;
    return { passageIndex: w.passageIndex, sentence: w.sentence, score };
  });
  candidates.sort((a, b) => b.score - a.score || a.passageIndex - b.passageIndex);
  const best = candidates[0];
  if (!best || best.score <= 0) return abstain(lang, context);
  // Further quotes only when they say something the chosen ones do not: each citation must earn its place.
  const chosen: Candidate[] = [best];
  const said = () => context.terms.termsOf(chosen.map((c) => c.sentence).join(" "));
  for (const candidate of candidates.slice(1)) {
    if (chosen.length >= MAX_QUOTES || candidate.score < SECOND_QUOTE_RATIO * best.score) break;
    if (chosen.some((c) => c.passageIndex === candidate.passageIndex)) continue;
    const known = said();
    const own = context.terms.termsOf(candidate.sentence);
    const adds = concepts.some((c) => ![...c.terms].some((t) => known.has(t)) && [...c.terms].some((t) => own.has(t)));
    if (adds) chosen.push(candidate);
  }
  const citations = chosen.map((c, i) => citePassage(context.corpus, top[c.passageIndex]!.passage, i + 1, c.sentence));
  const [open, close] = lang === "fr" ? ["« ", " »"] : ["“", "”"];
  const quotes = citations.map((c) => `${open}${c.quote}${close} [${c.marker}]`);
  const parts = [phrasesFor(lang).extractIntro, quotes.join("\n")];
  if (citations.some((c) => DATED_FACT.test(c.quote))) parts.push(datedWarning(lang, citations));
  return { kind: "extract", abstained: false, text: parts.join("\n\n"), citations };
}
