export interface Ranked {
  id: string;
  score: number;
}

/** The usual constant of reciprocal rank fusion: damps the weight of the very first ranks. */
const RRF_K = 60;

/** Reciprocal rank fusion: each list adds weight / (RRF_K + rank) to the items it ranks. */
export function reciprocalRankFusion(lists: Ranked[][], weights: number[] = lists.map(() => 1), k = RRF_K): Ranked[] {
  const scores = new Map<string, number>();
  lists.forEach((list, l) => list.forEach((item, i) => scores.set(item.id, (scores.get(item.id) ?? 0) + (weights[l] ?? 1) / (k + i + 1))));
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * Score fusion of lists from the same kind of scorer (BM25 in two languages): each list's
 * scores divided by its best, weighted, summed (CombSUM). Unlike rank fusion it keeps how
 * far ahead a clear winner is.
 */
export function combineScores(lists: Ranked[][], weights: number[]): Ranked[] {
  const scores = new Map<string, number>();
  lists.forEach((list, l) => {
    const best = list[0]?.score || 1;
    for (const item of list) scores.set(item.id, (scores.get(item.id) ?? 0) + ((weights[l] ?? 1) * item.score) / best);
  });
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** `extra`'s scores, weighted, added to `list`'s as they are (not divided by the best): a similarity keeps its meaning. */
export function addScores(list: Ranked[], extra: Ranked[], weight: number): Ranked[] {
  const scores = new Map(list.map((r) => [r.id, r.score]));
  for (const r of extra) scores.set(r.id, (scores.get(r.id) ?? 0) + weight * r.score);
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** Share of 5-grams above which a lower-ranked passage only repeats a higher one. */
export const NEAR_DUPLICATE = 0.5;

/**
 * The first `limit` results that do not repeat the words of a better-ranked one; `repeats(a, b)`
 * tells whether two ids' texts overlap (see `overlapRatio` and NEAR_DUPLICATE).
 */
export function suppressNearDuplicates(results: Ranked[], repeats: (a: string, b: string) => boolean, limit = Infinity): Ranked[] {
  const kept: Ranked[] = [];
  for (const item of results) {
    if (kept.length >= limit) break;
    if (kept.some((k) => repeats(k.id, item.id))) continue;
    kept.push(item);
  }
  return kept;
}
