import { type Corpus, REPORT_LANGUAGE } from "../corpus/index.js";
import type { TermSource } from "../retrieval/index.js";
import { coverage, coverageOf, mentions, type WeighedConcept, type Window } from "./evidence.js";
import { type AskedKind, TELLING_KINDS } from "./question-kind.js";
import { type WindowFeatures, type WindowModel, windowLogOdds } from "./window-ranking.js";

/**
 * What a concept said only elsewhere in a window's passage counts, against said in the window:
 * the window is read in its passage ("In Tunisia, ..." two sentences up still places it).
 */
const CONTEXT_CREDIT = 0.5;
/** A second quote is shown when the model finds it nearly as likely to answer: within this many log-odds of the best. */
const SECOND_QUOTE_MARGIN = 1;
export const MAX_QUOTES = 2;

export interface ScoredWindow extends Window {
  /** Share of the question it says, read in its passage. */
  coverage: number;
  /** It holds the kind of thing asked. */
  holdsKind: boolean;
  features: WindowFeatures;
  /** The window model's log-odds that it answers (its coverage while the model is being fitted). */
  score: number;
}

export interface SelectionContext {
  corpus: Corpus;
  terms: TermSource;
  /** English index terms of place names. */
  placeTerms: ReadonlySet<string>;
}

/** Every window's features, then its score by the window model; best first. */
export function scoreWindows(windows: Window[], weighed: WeighedConcept[], kind: AskedKind, context: SelectionContext, model: WindowModel | undefined): ScoredWindow[] {
  const asked = {
    words: new Set(weighed.flatMap((w) => w.concept.source.split(" "))),
    terms: new Set(weighed.flatMap((w) => [...w.concept.terms[REPORT_LANGUAGE].keys()])),
  };
  const telling = TELLING_KINDS.has(kind);
  const places = weighed.filter((w) => w.concept.place && w.concept.focus >= 1 && !w.unknown).map((w) => w.concept);
  return windows
    .map((w) => {
      const cov = coverage(weighed, w.terms, w.context, CONTEXT_CREDIT);
      const other = namesOtherPlace(w, asked, context);
      const holds = kind === "place" ? other : !TELLING_KINDS.has(kind) || w.holds.has(kind);
      const placesSaid = places.filter((p) => mentions(p, w.terms) > 0).length;
      const features: WindowFeatures = {
        coverage: cov,
        ownCoverage: coverageOf(weighed, w.terms),
        kindHeld: telling && holds ? 1 : 0,
        kindMissing: telling && !holds ? 1 : 0,
        passageRank: w.passageIndex,
        passageScore: w.passageScore,
        logWords: Math.log(Math.max(1, w.words)),
        pair: w.range.to - w.range.from > 1 ? 1 : 0,
        opening: w.range.from === 0 ? 1 : 0,
        placesSaid: places.length ? placesSaid / places.length : 1,
        otherPlace: kind !== "place" && places.length > 0 && placesSaid === 0 && other ? 1 : 0,
      };
      return { ...w, coverage: cov, holdsKind: holds, features, score: model ? windowLogOdds(model, features) : cov };
    })
    .sort((a, b) => b.score - a.score || a.passageIndex - b.passageIndex || a.range.from - b.range.from);
}

/** A place the window names that the question does not: the answer to "where" or "which nationality". */
function namesOtherPlace(window: Window, asked: { words: ReadonlySet<string>; terms: ReadonlySet<string> }, context: SelectionContext): boolean {
  for (const t of window.terms[REPORT_LANGUAGE] ?? []) if (context.placeTerms.has(t) && !asked.terms.has(t)) return true;
  // Neighbourhoods and towns the lexicon does not list: a capitalised word inside the sentence.
  return window.names.some((name) => !name.every((t) => asked.words.has(t)));
}

/** The quotes to show: the best window, and a second that does not overlap it when the model finds it nearly as good. */
export function chooseQuotes(scored: ScoredWindow[]): ScoredWindow[] {
  const best = scored[0];
  if (!best) return [];
  const chosen = [best];
  for (const candidate of scored.slice(1)) {
    if (chosen.length >= MAX_QUOTES || candidate.score < best.score - SECOND_QUOTE_MARGIN) break;
    if (chosen.some((c) => overlaps(c, candidate))) continue;
    chosen.push(candidate);
  }
  return chosen;
}

function overlaps(a: Window, b: Window): boolean {
  return a.passage.id === b.passage.id && a.range.from < b.range.to && b.range.from < a.range.to;
}
