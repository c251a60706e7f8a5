import { overlapRatio } from "../corpus/text.js";

export interface Ranked {
  id: string;
  score: number;
}

/** The usual constant of reciprocal rank fusion: damps the weight of the very first ranks. */
export const RRF_K = 60;

/** Reciprocal rank fusion: each list adds weight / (RRF_K + rank) to the items it ranks. */
export function reciprocalRankFusion(lists: Ranked[][], weights: number[] = lists.map(() => 1), k = RRF_K): Ranked[] {
  const scores = new Map<string, number>();
  lists.forEach((list, l) => list.forEach((item, i) => scores.set(item.id, (scores.get(item.id) ?? 0) + (weights[l] ?? 1) / (k + i + 1))));
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** Share of 5-grams above which a lower-ranked passage only repeats a higher one. */
export const NEAR_DUPLICATE = 0.5;

/** Drops results that repeat the words of a better-ranked result (`gramsOf` gives an id's 5-grams). */
export function suppressNearDuplicates(results: Ranked[], gramsOf: (id: string) => Set<string>, threshold = NEAR_DUPLICATE): Ranked[] {
  const kept: Array<{ item: Ranked; grams: Set<string> }> = [];
  for (const item of results) {
    const grams = gramsOf(item.id);
    if (kept.some((k) => overlapRatio(k.grams, grams) > threshold)) continue;
    kept.push({ item, grams });
  }
  return kept.map((k) => k.item);
}
