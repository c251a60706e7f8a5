import { foldForMatch, overlapRatio, shingles } from "./text.js";

export interface DedupeItem {
  key: string;
  text: string;
}

/** Share of a text's 5-grams found in an earlier text above which it is a repeat. */
const REPEAT_THRESHOLD = 0.8;

/**
 * Finds items that repeat an earlier item (most of their word 5-grams, or the whole folded text
 * when too short for 5-grams). Returns item key -> key of the earlier item it repeats.
 */
export function findRepeats(items: DedupeItem[], threshold = REPEAT_THRESHOLD): Map<string, string> {
  const repeats = new Map<string, string>();
  const byGram = new Map<string, number[]>();
  const byFolded = new Map<string, number>();
  const grams = items.map((item) => shingles(item.text));
  items.forEach((item, index) => {
    const own = grams[index]!;
    const original = own.size === 0 ? byFolded.get(foldForMatch(item.text)) : bestEarlier(own, byGram, threshold);
    if (original !== undefined) {
      repeats.set(item.key, items[original]!.key);
      return;
    }
    byFolded.set(foldForMatch(item.text), index);
    for (const gram of own) {
      const list = byGram.get(gram);
      if (list) list.push(index);
      else byGram.set(gram, [index]);
    }
  });
  return repeats;
}

function bestEarlier(own: Set<string>, byGram: Map<string, number[]>, threshold: number): number | undefined {
  const shared = new Map<number, number>();
  for (const gram of own) for (const index of byGram.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
  let best: number | undefined;
  let bestRatio = threshold;
  for (const [index, count] of shared) {
    const ratio = count / own.size;
    if (ratio >= bestRatio) {
      best = index;
      bestRatio = ratio;
    }
  }
  return best;
}

/** Largest 5-gram overlap between any two texts (for checks and tests). */
export function maxPairOverlap(texts: string[]): { ratio: number; pair: [number, number] | null } {
  const grams = texts.map((t) => shingles(t));
  let ratio = 0;
  let pair: [number, number] | null = null;
  for (let i = 0; i < grams.length; i++) {
    for (let j = i + 1; j < grams.length; j++) {
      const r = overlapRatio(grams[i]!, grams[j]!);
      if (r > ratio) {
        ratio = r;
        pair = [i, j];
      }
    }
  }
  return { ratio, pair };
}
