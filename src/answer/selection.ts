import { type Passage, REPORT_LANGUAGE } from "../corpus/index.js";
import type { SentenceRange } from "./citation.js";
import type { BankMatch, RetrievedPassage, TermSource } from "../retrieval/index.js";
import { coverage, coverageOf, mentions, type PassageWindow, type PassageWindows, type TermSets, type WeighedConcept } from "./evidence.js";
import { type AskedKind, TELLING_KINDS } from "./question-kind.js";
import { type WindowFeatures, type WindowModel, windowLogOdds } from "./window-ranking.js";

/**
 * What a concept said only elsewhere in a window's passage counts, against said in the window:
 * the window is read in its passage ("In Tunisia, ..." two sentences up still places it).
 */
const CONTEXT_CREDIT = 0.5;
/** A second quote is shown when the model finds it nearly as likely to answer: within this many log-odds of the best. */
const SECOND_QUOTE_MARGIN = 1;
const MAX_QUOTES = 2;
/** A quote widened by an overlapping window stays this short: three sentences read on a phone. */
const MAX_QUOTE_SENTENCES = 3;

/**
 * A report's front matter (its copyright, licence and citation notices) states nothing about
 * migration: never quoted ("purposes primarily intended for commercial advantage" is no answer
 * to opening a shop).
 */
const FRONT_MATTER = /©|All rights reserved|Some rights reserved|Copyright and Terms of Use|Required citation:|published or redistributed|Requests for commercial use|Creative Commons/i;

/** A window of a retrieved passage, scored against the question. */
export interface ScoredWindow {
  window: PassageWindow;
  passage: Passage;
  /** Rank of its passage among those retrieved, from 0. */
  passageIndex: number;
  /** The index terms of its whole passage, headings included: what it is read in. */
  context: TermSets;
  /** Share of the question it says, read in its passage. */
  coverage: number;
  /** It holds the kind of thing asked. */
  holdsKind: boolean;
  features: WindowFeatures;
  /** The window model's log-odds that it answers (its coverage while the model is being fitted). */
  score: number;
}

export interface SelectionContext {
  terms: TermSource;
  /** English index terms of place names. */
  placeTerms: ReadonlySet<string>;
  passageWindows: PassageWindows;
}

/** What a question asks, as windows are scored against it. */
export interface AskedQuestion {
  weighed: WeighedConcept[];
  kind: AskedKind;
  /** The years it asks about. */
  years: readonly string[];
  /** The sentences the bank questions closest to it point to, best first. */
  bank: readonly BankMatch[];
}

/** Every window of the retrieved passages (bibliographies aside), its features, then its score by the window model; best first. */
export function scoreWindows(passages: RetrievedPassage[], question: AskedQuestion, context: SelectionContext, model: WindowModel | undefined): ScoredWindow[] {
  const { weighed, kind, years, bank } = question;
  const bestBank = bank[0]?.similarity ?? 0;
  const asked = {
    words: new Set(weighed.flatMap((w) => w.concept.source.split(" "))),
    terms: new Set(weighed.flatMap((w) => [...w.concept.terms[REPORT_LANGUAGE].keys()])),
  };
  const telling = TELLING_KINDS.has(kind);
  const places = weighed.filter((w) => w.concept.place && w.concept.focus >= 1 && !w.unknown);
  const bestScore = passages[0]?.score || 1;
  const scored: ScoredWindow[] = [];
  passages.forEach((r, passageIndex) => {
    if (r.passage.kind === "reference") return; // lists of works cited are never quoted
    const { windows, whole } = context.passageWindows.of(r.passage);
    let placesInPassage = 0;
    for (const p of places) if (mentions(p, whole) > 0) placesInPassage++;
    for (const window of windows) {
      if (FRONT_MATTER.test(window.texts[REPORT_LANGUAGE] ?? "")) continue;
      const cov = coverageInPassage(weighed, window.terms, whole);
      const other = namesOtherPlace(window, asked, context);
      const holds = kind === "place" ? other : !telling || window.holds.has(kind);
      let placesSaid = 0;
      for (const p of places) if (mentions(p, window.terms) > 0) placesSaid++;
      const features: WindowFeatures = {
        coverage: cov,
        ownCoverage: coverageOf(weighed, window.terms),
        kindHeld: telling && holds ? 1 : 0,
        kindMissing: telling && !holds ? 1 : 0,
        passageRank: passageIndex,
        passageScore: r.score / bestScore,
        logWords: Math.log(Math.max(1, window.words)),
        pair: window.range.to - window.range.from > 1 ? 1 : 0,
        opening: window.range.from === 0 ? 1 : 0,
        placesSaid: places.length ? placesSaid / places.length : 1,
        otherPlace: kind !== "place" && places.length > 0 && placesSaid === 0 && other ? 1 : 0,
        placesInPassage: places.length ? placesInPassage / places.length : 1,
        yearsSaid: yearsSaid(years, window.texts[REPORT_LANGUAGE] ?? ""),
        ownCoverageGap: 0,
        figure: /\d/.test(window.texts[REPORT_LANGUAGE] ?? "") ? 1 : 0,
        quoted: quotedShare(window.texts[REPORT_LANGUAGE] ?? ""),
        bankSimilarity: 0,
        bankGap: -1,
      };
      const pointing = bankSimilarityIn(bank, r.passage.id, window.range);
      if (pointing > 0) {
        features.bankSimilarity = pointing;
        features.bankGap = pointing - bestBank;
      }
      scored.push({ window, passage: r.passage, passageIndex, context: whole, coverage: cov, holdsKind: holds, features, score: cov });
    }
  });
  // How a window stands among the question's others: its gap to the best.
  const bestOwn = Math.max(0, ...scored.map((w) => w.features.ownCoverage));
  for (const w of scored) {
    w.features.ownCoverageGap = w.features.ownCoverage - bestOwn;
    if (model) w.score = windowLogOdds(model, w.features);
  }
  return scored.sort((a, b) => b.score - a.score || a.passageIndex - b.passageIndex || a.window.range.from - b.window.range.from);
}

/** Share of a question's concepts a window says, read in its passage (what the passage says elsewhere counts CONTEXT_CREDIT). */
export function coverageInPassage(weighed: WeighedConcept[], window: TermSets, passage: TermSets): number {
  return coverage(weighed, window, passage, CONTEXT_CREDIT);
}

/** The similarity of the closest bank question pointing to a sentence of the range (0 when none does). */
export function bankSimilarityIn(bank: readonly BankMatch[], passageId: string, range: SentenceRange): number {
  let best = 0;
  for (const m of bank) if (m.passageId === passageId && m.sentence >= range.from && m.sentence < range.to && m.similarity > best) best = m.similarity;
  return best;
}

/** Share of the years asked that a text names; 1 when none is asked. */
export function yearsSaid(years: readonly string[], text: string): number {
  return years.length ? years.filter((y) => text.includes(y)).length / years.length : 1;
}

/**
 * Share of a text's characters between quotation marks (“...”, "..."). A quote may run over
 * the window's edge: one still open at its end counts to the end; one whose closing mark comes
 * first was opened before the window began.
 */
function quotedShare(text: string): number {
  const firstMark = /[“”]/.exec(text)?.[0];
  let inside = firstMark === "”";
  let quoted = 0;
  for (const ch of text) {
    if (ch === "“") inside = true;
    else if (ch === "”") inside = false;
    else if (ch === '"') inside = !inside;
    else if (inside) quoted++;
  }
  return text.length ? quoted / text.length : 0;
}

/** A place the window names that the question does not: the answer to "where" or "which nationality". */
function namesOtherPlace(window: PassageWindow, asked: { words: ReadonlySet<string>; terms: ReadonlySet<string> }, context: SelectionContext): boolean {
  for (const t of window.terms[REPORT_LANGUAGE] ?? []) if (context.placeTerms.has(t) && !asked.terms.has(t)) return true;
  // Neighbourhoods and towns the lexicon does not list: a capitalised word inside the sentence.
  return window.names.some((name) => !name.every((t) => asked.words.has(t)));
}

/** Words a name's capitals run over ("Commission on Population Movement", "Délégation générale des Maliens"). */
const SMALL_NAME_WORDS = "of|on|for|the|and|in|de|des|du|d|la|le|les|pour|et|en";

/**
 * "what is PONAM?", "c'est quoi le CMP ?": a report says what a name stands for where it brings
 * it in, in brackets after the words it shortens ("a National Migration Policy (Politique
 * Nationale de Migration, or PONAM)", "The Commission on Population Movement (..., CMP)"), and
 * says what it is where a sentence defines it ("The ICMPD is an international organisation
 * ..."). The window defining it comes first, else the one bringing it in; the others keep their
 * order. Other windows naming it say what someone thought of it or did with it.
 */
export function introducingFirst(scored: ScoredWindow[], name: string): ScoredWindow[] {
  if (!/^[\p{L}\p{N}]{2,}$/u.test(name)) return scored;
  const text = (w: ScoredWindow) => w.window.texts[REPORT_LANGUAGE] ?? "";
  // "The ICMPD is an international organisation ...": a sentence saying what it is, before one that only spells it out.
  const defines = new RegExp(String.raw`\b${name} (is|was|are|were) (a|an|the|one)\b`, "i");
  // Spelled out inside the brackets ("(Politique Nationale de Migration, or PONAM)"), or just
  // before them in capitals ("The Commission on Population Movement (CMP)"); not a bare "(AME)"
  // after "a key informant who works with them".
  const spelledInside = new RegExp(String.raw`\([^()]*\S\s[^()]*\b${name}\)`, "i");
  const spelledBefore = new RegExp(String.raw`(\p{Lu}[\p{L}’'-]*\s+((${SMALL_NAME_WORDS})\s+)*){2,}\(${name.toUpperCase()}\)`, "u");
  const introduces = (said: string) => spelledInside.test(said) || spelledBefore.test(said);
  let at = scored.findIndex((w) => defines.test(text(w)));
  if (at < 0) at = scored.findIndex((w) => introduces(text(w)));
  return at > 0 ? [scored[at]!, ...scored.slice(0, at), ...scored.slice(at + 1)] : scored;
}

/** A run of sentences of one passage to quote. */
export interface Quote {
  passage: Passage;
  range: SentenceRange;
}

/**
 * The quotes to show: the best window; a window of the same passage that the model finds
 * nearly as good, either widening the best when the two overlap (a fact often sits in the
 * sentence before or after the one that matched the question best), or as a second quote. A
 * second passage is not quoted: measured on the tuning questions, it added an expected fact
 * less often than it added a citation that does not support the answer.
 */
export function chooseQuotes(scored: ScoredWindow[]): Quote[] {
  const best = scored[0];
  if (!best) return [];
  const quotes: Quote[] = [{ passage: best.passage, range: best.window.range }];
  for (const candidate of scored.slice(1)) {
    if (candidate.score < best.score - SECOND_QUOTE_MARGIN) break;
    if (candidate.passage.id !== best.passage.id) continue;
    const range = candidate.window.range;
    const overlapping = quotes.filter((q) => q.range.from < range.to && range.from < q.range.to);
    if (overlapping.length === 0) {
      if (quotes.length < MAX_QUOTES) quotes.push({ passage: candidate.passage, range });
      continue;
    }
    const [quote] = overlapping;
    const widened = { from: Math.min(quote!.range.from, range.from), to: Math.max(quote!.range.to, range.to) };
    const clashes = quotes.some((q) => q !== quote && q.range.from < widened.to && widened.from < q.range.to);
    if (overlapping.length === 1 && !clashes && widened.to - widened.from <= MAX_QUOTE_SENTENCES) quote!.range = widened;
  }
  // In the passage's own order, so that two quotes read as the report does.
  return quotes.sort((a, b) => a.range.from - b.range.from);
}

/**
 * A bank question this close to the question pins its sentence: when the best window holds it,
 * that sentence alone is quoted (a short answer to read on a phone) instead of the window and
 * its neighbours. Measured on the tuning questions (npm run eval -- --set tune): at 0.8 the
 * median French answer falls from 94 to 86 words for 0.01 of facts shown; at 0.6 to 64 words for
 * 0.03 (the fact then often sits in the neighbour the bank question did not point to).
 */
const PIN_SIMILARITY = 0.8;
/**
 * ...and when that sentence alone says nearly as much of the question as the window: a bank
 * question on "who may join the health insurance" pins the sentence naming the law's article,
 * while the one before it says "only those holding a work permit". Measured on the tuning
 * questions: at 0.7 to 0.85 French facts shown rise 0.78 -> 0.80 (median words 88 -> 89); at 1
 * to 0.81 for 94 words.
 */
const PIN_COVERAGE_SHARE = 0.8;

/**
 * The quotes an answer shows: the sentence a close bank match pins (see above), else those
 * chooseQuotes picks. Not a pinned sentence lacking the kind of thing asked that its window
 * holds: "how many ... has UNHCR registered?" pinned the sentence saying UNHCR's statistics
 * exist, not the figures beside it (no evaluation set moved; the bank's questions each left out,
 * French 4,798 -> 4,800 cited). Nor when the message asks several things (`asksSeveral`: "how
 * many lost their income? who mostly?"), which one sentence seldom all answers: fresh tune French
 * facts 0.83 -> 0.84, no other set moved.
 */
export function quotesToShow(scored: ScoredWindow[], pin: BankMatch | undefined, asksSeveral: boolean): Quote[] {
  const best = scored[0]!;
  const holds = !asksSeveral && pin && pin.similarity >= PIN_SIMILARITY && pin.passageId === best.passage.id && pin.sentence >= best.window.range.from && pin.sentence < best.window.range.to;
  const alone = holds ? scored.find((w) => w.passage.id === pin.passageId && w.window.range.from === pin.sentence && w.window.range.to === pin.sentence + 1) : undefined;
  if (!alone || alone.features.ownCoverage < PIN_COVERAGE_SHARE * best.features.ownCoverage || (best.holdsKind && !alone.holdsKind)) return chooseQuotes(scored);
  return [{ passage: alone.passage, range: alone.window.range }];
}
