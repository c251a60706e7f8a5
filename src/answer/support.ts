import type { Concept } from "../retrieval/index.js";

/** What the answer stage needs from retrieval to weigh a text against a question. */
export interface TermSource {
  termsOf(text: string): Set<string>;
  idf(term: string): number;
}

/**
 * How much of the question a text speaks to: the share of the question's concepts (weighted by
 * how rare they are in the corpus) that the text mentions, directly or through a synonym.
 * A concept said with a synonym counts by the synonym's weight. A question about something the
 * reports never mention scores low whatever else matches.
 */
export function coverage(concepts: Concept[], text: string, source: TermSource): number {
  if (concepts.length === 0) return 0;
  const terms = source.termsOf(text);
  let total = 0;
  let covered = 0;
  for (const concept of concepts) {
    const weight = conceptWeight(concept, source);
    total += weight;
    // Saying the thing itself counts fully; saying it with a synonym counts less.
    let best = 0;
    for (const t of concept.terms) if (terms.has(t)) best = Math.max(best, concept.weights.get(t) ?? 1);
    covered += weight * best;
  }
  return total > 0 ? covered / total : 0;
}

/**
 * A concept weighs as much as the question's own word for it is rare (its closest translation
 * for a French word); a common synonym does not make a rare thing cheap to leave out.
 */
export function conceptWeight(concept: Concept, source: TermSource): number {
  const own = [...concept.terms].filter((t) => (concept.weights.get(t) ?? 0) >= 0.99);
  return Math.min(...(own.length ? own : [...concept.terms]).map((t) => source.idf(t)));
}
