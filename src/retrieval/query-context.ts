/** What turning a question into index terms needs: the lexicon, the analysers and the indexes' vocabularies. */
import type { Analyzer } from "./analyzer.js";
import type { Language } from "./language.js";
import type { Lexicon } from "./lexicon.js";

/** Index terms with weights: what a lexical index is asked. */
export type WeightedQuery = Map<string, number>;

export interface QueryContext {
  lexicon: Lexicon;
  analyzers: Record<Language, Analyzer>;
  /** Terms each language's index contains: an English word the corpus knows is taken at its word. */
  vocabularies: Record<Language, ReadonlySet<string>>;
  /** English index term -> the words of its synonym groups ("professions" finds the group of "profession"). */
  synonymsByTerm: ReadonlyMap<string, string[]>;
  /** Year -> the numbers of the laws the reports date to it (law-numbers.ts). */
  lawNumbersByYear: ReadonlyMap<string, readonly string[]>;
}

/** The lexicon's English synonym groups, keyed by index term so that any form of a word finds its group. */
export function synonymsByTerm(lexicon: Lexicon, english: Analyzer): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [word, synonyms] of lexicon.synonyms) {
    const term = english.term(word);
    if (term) out.set(term, [...new Set([...(out.get(term) ?? []), ...synonyms])]);
  }
  return out;
}
