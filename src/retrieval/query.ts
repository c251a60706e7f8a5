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

/** One thing the question asks about, and the index terms that express it. */
export interface Concept {
  /** The words of the question it comes from. */
  source: string;
  terms: Set<string>;
  /** How exactly each term says it: 1 for the word itself or its closest translation, less for a synonym. */
  weights: Map<string, number>;
}

export interface AnalyzedQuestion {
  terms: WeightedQuery;
  concepts: Concept[];
}

/**
 * Turns a question into weighted English index terms, grouped by concept. French forms (and
 * misspellings the lexicon lists, or that sit one or two edits from a listed form) become the
 * English of the reports, the closest translation counting fully and the others as synonyms;
 * English words bring in their synonyms at a lower weight.
 */
export function buildQuery(question: string, lang: Language, context: QueryContext): AnalyzedQuestion {
  const { analyzer, lexicon, vocabulary } = context;
  const tokens = tokenize(question);
  const terms: WeightedQuery = new Map();
  const concepts: Concept[] = [];
  const addTerm = (concept: Concept, term: string, weight: number) => {
    concept.terms.add(term);
    concept.weights.set(term, Math.max(concept.weights.get(term) ?? 0, weight));
    terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  };
  const addWord = (concept: Concept, word: string, weight: number) => {
    const term = analyzer.term(word);
    if (term) addTerm(concept, term, weight);
    for (const synonym of lexicon.synonyms.get(word) ?? []) {
      const synonymTerm = analyzer.term(synonym);
      if (synonymTerm) addTerm(concept, synonymTerm, weight * SYNONYM_WEIGHT);
    }
  };
  const newConcept = (source: string) => {
    const concept: Concept = { source, terms: new Set(), weights: new Map() };
    concepts.push(concept);
    return concept;
  };
  const addFrench = (concept: Concept, form: string, words: string[]) => {
    const primary = words.includes(form) ? form : words[0]!;
    for (const word of words) addWord(concept, word, word === primary ? 1 : SYNONYM_WEIGHT);
  };

  const covered = new Set<number>();
  for (const match of matchFrench(tokens, lexicon)) {
    const term = match.length === 1 ? analyzer.term(match.form) : null;
    const known = term !== null && vocabulary.has(term);
    if (lang === "en" && known) continue; // an English question's word the reports use
    for (let i = match.at; i < match.at + match.length; i++) covered.add(i);
    const concept = newConcept(match.form);
    addFrench(concept, match.form, match.english);
    if (known && !match.english.includes(match.form)) addTerm(concept, term, FRENCH_LOOKALIKE_WEIGHT);
  }

  tokens.forEach((token, i) => {
    if (covered.has(i)) return;
    const term = analyzer.term(token);
    if (term === null) return;
    const concept = newConcept(token);
    if (vocabulary.has(term) || /^\p{N}/u.test(token)) {
      addWord(concept, token, 1);
      return;
    }
    const near = nearestFrenchForm(token, lexicon);
    if (near) addFrench(concept, near.form, near.english);
    else addTerm(concept, term, 1); // unknown: the index's fuzzy matching gets a chance at it
  });
  return { terms, concepts: mergeSameConcepts(concepts) };
}

/** "Tunisie" and "tunisienne" in one question are one concept, asked once. */
function mergeSameConcepts(concepts: Concept[]): Concept[] {
  const out: Concept[] = [];
  for (const concept of concepts) {
    const twin = out.find((c) => [...concept.terms].some((t) => c.terms.has(t)));
    if (twin) {
      twin.source = `${twin.source} ${concept.source}`;
      for (const t of concept.terms) twin.terms.add(t);
      for (const [t, w] of concept.weights) twin.weights.set(t, Math.max(twin.weights.get(t) ?? 0, w));
    } else {
      out.push(concept);
    }
  }
  return out;
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
