import { type Language, LANGUAGES, REPORT_LANGUAGE, TRANSLATED_LANGUAGES } from "../corpus/index.js";
import { asksDefinition, type Concept, isTopicWord, type Retrieval, type TermSource } from "../retrieval/index.js";
import { coverageOf, termSetsOf, type WeighedConcept } from "./evidence.js";
import type { Fact, FactCard, FactCards } from "./fact-cards.js";
import { type AskedKind, holdsKind } from "./question-kind.js";

/** How many retrieved passages a card's proof may sit in. */
export const CARD_DEPTH = 10;
/** A card or fact is matched on what the question says or directly implies, not on synonyms of synonyms. */
const MATCH_WEIGHT = 0.6;
/** A fact that covers at least this share of the best fact's coverage is shown beside it. */
const FACT_RATIO = 0.9;

export interface CardChoice {
  card: FactCard;
  /** Share of the question its facts say. */
  coverage: number;
  holdsKind: boolean;
  /**
   * A card that met more of its `when` groups but lost for not holding the kind asked: "how much
   * is the fine in Tunisia during the lockdown?" gets the weekly fine, and that fines were frozen
   * during the lockdown beside it.
   */
  narrower?: FactCard;
}

/** Terms the question asks about directly, in every language. */
function askedTerms(concepts: Concept[]): Record<Language, Set<string>> {
  const out = {} as Record<Language, Set<string>>;
  for (const lang of LANGUAGES) {
    out[lang] = new Set(concepts.flatMap((c) => [...c.terms[lang]].filter(([, w]) => w >= MATCH_WEIGHT - 1e-9).map(([t]) => t)));
  }
  return out;
}

/** Every group has a word the question asks about (the group's English words, through the lexicon). */
function meets(groups: string[][], asked: Record<Language, Set<string>>, terms: TermSource): boolean {
  return groups.every((group) => group.some((word) => [...terms.termsOf(word, REPORT_LANGUAGE)].some((t) => asked[REPORT_LANGUAGE].has(t))));
}

/** What a set of facts says, in each language: the team's words and the reports' own. */
function factTexts(facts: Fact[]): Partial<Record<Language, string>> {
  const texts: Partial<Record<Language, string>> = { [REPORT_LANGUAGE]: facts.map((f) => `${f.text[REPORT_LANGUAGE]} ${f.quote}`).join(" ") };
  for (const lang of TRANSLATED_LANGUAGES) texts[lang] = facts.map((f) => f.text[lang]).join(" ");
  return texts;
}

/** The one topic a question of definition asks about ("c'est quoi la CEDEAO ?" -> CEDEAO), if it is one. */
export function definedTopic(retrieval: Retrieval): Concept | undefined {
  if (!asksDefinition(retrieval.askedPart)) return undefined;
  const topics = retrieval.concepts.filter((c) => c.focus >= 1 && c.source.split(" ").some(isTopicWord));
  return topics.length === 1 ? topics[0] : undefined;
}

/**
 * The card that may answer: its `when` groups are met, a passage proving one of its facts was
 * retrieved; among such cards one that holds the kind of thing asked (the fine's amount, not
 * only that the fine blocks leaving, when "combien" is asked), then the more specific card (more
 * `when` groups met: the freeze of fines during the lockdown asks of Tunisia, a fine and COVID-19;
 * the fine alone, of two), then the one whose headline (core facts) says most of the question,
 * then whose facts do (ties: the better-ranked proof). Specific before headline since 2026-12-08:
 * tune English facts 0.85 -> 0.86, nothing else moved (npm run eval -- --set all); taking the
 * next card that fits when the first does not lost real-people tune English citations 0.94 ->
 * 0.88, not kept. Whether it beats the reports' best sentence is
 * the caller's decision. `defined`: the topic of a question of definition (definedTopic), which a
 * card may define ("c'est quoi la CEDEAO ?").
 */
export function candidateCard(retrieval: Retrieval, weighed: WeighedConcept[], kind: AskedKind, cards: FactCards, terms: TermSource, defined: Concept | undefined): CardChoice | undefined {
  const asked = askedTerms(retrieval.concepts);
  const retrievedIds = retrieval.passages.slice(0, CARD_DEPTH).map((r) => r.passage.id);
  let best: (CardChoice & { key: number[] }) | undefined;
  let mostSpecific: FactCard | undefined;
  for (const card of cards.cards) {
    if ((kind === "quantity" || kind === "share") && !card.counts) continue;
    if (!meets(card.when, asked, terms) && !(defined && card.defines.length > 0 && meets([card.defines], asked, terms))) continue;
    const rank = Math.min(...card.facts.map((f) => retrievedIds.indexOf(f.passage.id)).filter((i) => i >= 0));
    if (!Number.isFinite(rank)) continue; // its proof was not retrieved: the question is about something else
    const texts = factTexts(card.facts);
    const score = coverageOf(weighed, termSetsOf(texts, terms));
    // What the card is about is its headline: "amende visa tunisie" is the fine card's, not the 90-day card's.
    const core = card.facts.filter((f) => f.core);
    const headline = coverageOf(weighed, termSetsOf(factTexts(core.length ? core : card.facts), terms));
    const groups = card.when.length;
    const holds = holdsKind(kind, texts[REPORT_LANGUAGE]!, true);
    const key = [holds ? 1 : 0, groups, headline, score, -rank];
    const better = !best || compareKeys(key, best.key) > 0;
    if (better) best = { card, coverage: score, holdsKind: holds, key };
    if (!mostSpecific || groups > mostSpecific.when.length) mostSpecific = card;
  }
  if (!best) return undefined;
  const narrower = mostSpecific && mostSpecific.when.length > best.card.when.length ? mostSpecific : undefined;
  return { card: best.card, coverage: best.coverage, holdsKind: best.holdsKind, ...(narrower ? { narrower } : {}) };
}

/** Compares two lists of numbers left to right (within a rounding tolerance). */
function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (Math.abs(d) > 1e-9) return d;
  }
  return 0;
}

/**
 * The card's facts worth showing: its core facts, those whose own `when` the question meets, and
 * those that speak to it best; the one that speaks to it best first ("et si je pars sans payer ?"
 * after the fine: that it blocks leaving, then the amount), the rest in the card's order.
 */
export function factsToShow(card: FactCard, concepts: Concept[], weighed: WeighedConcept[], terms: TermSource, kind: AskedKind): Fact[] {
  const asked = askedTerms(concepts);
  const scored = card.facts.map((fact) => {
    const texts = factTexts([fact]);
    return { fact, score: coverageOf(weighed, termSetsOf(texts, terms)) };
  });
  const best = Math.max(...scored.map((s) => s.score));
  const shown = scored.filter((s) => s.fact.core || (s.fact.when.length > 0 && meets(s.fact.when, asked, terms)) || s.score >= FACT_RATIO * best);
  // Led by what the message itself asks: a fact giving the kind of thing asked ("combien" asks the
  // amount), then by its own words (a follow-up's, not those it took from the message before).
  const own = weighed.filter((w) => w.concept.focus >= 1);
  const answers = shown.map((s) => (holdsKind(kind, s.fact.text[REPORT_LANGUAGE], true) ? 1 : 0) + coverageOf(own, termSetsOf(factTexts([s.fact]), terms)));
  const lead = answers.indexOf(Math.max(...answers));
  return (lead > 0 ? [shown[lead]!, ...shown.filter((_, i) => i !== lead)] : shown).map((s) => s.fact);
}
