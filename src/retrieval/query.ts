import type { Analyzer } from "./analyzer.js";
import type { Language } from "./language.js";
import { type Lexicon, matchFrench, tokenize } from "./lexicon.js";

/** Index terms with weights: what the lexical index is asked. */
export type WeightedQuery = Map<string, number>;

export interface QueryContext {
  lexicon: Lexicon;
  analyzer: Analyzer;
  /** Terms the corpus contains: an English word the corpus knows is taken at its word. */
  vocabulary: ReadonlySet<string>;
}

/** Weight of a word the question implies through a synonym, relative to the word itself. */
const SYNONYM_WEIGHT = 0.6;
/** Weight of a French word that is also an index term: often a false friend ("amende"). */
const FRENCH_LOOKALIKE_WEIGHT = 0.3;

/**
 * Turns a question into weighted English index terms. French forms (and misspellings the
 * lexicon lists, or that sit one or two edits from a listed form) become the English of the
 * reports; a French concept that maps to several English words shares its weight among them;
 * English words then bring in their synonyms at a lower weight.
 */
export function buildQuery(question: string, lang: Language, context: QueryContext): WeightedQuery {
  const { analyzer, lexicon, vocabulary } = context;
  const tokens = tokenize(question);
  const english = new Map<string, number>(); // English words the question means, with weights
  const query: WeightedQuery = new Map();
  const addWord = (word: string, weight: number) => english.set(word, Math.max(english.get(word) ?? 0, weight));
  const addTerm = (term: string, weight: number) => query.set(term, Math.max(query.get(term) ?? 0, weight));
  // The closest translation (the French word itself when English shares it, else the first listed)
  // counts fully, the other English words as synonyms.
  const addFrench = (form: string, words: string[]) => {
    const primary = words.includes(form) ? form : words[0]!;
    for (const word of words) addWord(word, word === primary ? 1 : SYNONYM_WEIGHT);
  };

  const covered = new Set<number>();
  for (const match of matchFrench(tokens, lexicon)) {
    const term = match.length === 1 ? analyzer.term(match.form) : null;
    const known = term !== null && vocabulary.has(term);
    if (lang === "en" && known) continue; // an English question's word the reports use
    for (let i = match.at; i < match.at + match.length; i++) covered.add(i);
    addFrench(match.form, match.english);
    if (known && !match.english.includes(match.form)) addTerm(term, FRENCH_LOOKALIKE_WEIGHT);
  }

  tokens.forEach((token, i) => {
    if (covered.has(i)) return;
    const term = analyzer.term(token);
    if (term === null) return;
    if (vocabulary.has(term) || /^\p{N}/u.test(token)) {
      addWord(token, 1);
      return;
    }
    const near = nearestFrenchForm(token, lexicon);
    if (near) addFrench(near.form, near.english);
    else addTerm(term, 1); // unknown: the index's fuzzy matching gets a chance at it
  });

  for (const [word, weight] of english) {
    const term = analyzer.term(word);
    if (term) addTerm(term, weight);
    for (const synonym of lexicon.synonyms.get(word) ?? []) {
      const synonymTerm = analyzer.term(synonym);
      if (synonymTerm) addTerm(synonymTerm, weight * SYNONYM_WEIGHT);
    }
  }
  return query;
}

/** A French form within one edit (two for long words) of a misspelled token. */
function nearestFrenchForm(token: string, lexicon: Lexicon): { form: string; english: string[] } | undefined {
  if (token.length < 5) return undefined;
  const budget = token.length >= 8 ? 2 : 1;
  let best: { form: string; english: string[]; distance: number } | undefined;
  for (const [form, english] of lexicon.french) {
    if (form.includes(" ") || Math.abs(form.length - token.length) > budget) continue;
    const distance = editDistance(token, form, budget);
    if (distance <= budget && (!best || distance < best.distance)) best = { form, english, distance };
  }
  return best;
}

/** Damerau-Levenshtein distance (optimal string alignment); stops early once above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return rowMin;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
