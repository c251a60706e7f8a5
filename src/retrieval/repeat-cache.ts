import { overlapRatio, type Passage, shingles } from "../corpus/index.js";
import { NEAR_DUPLICATE } from "./fusion.js";

/**
 * Whether two passages share most of their words (more than NEAR_DUPLICATE of their 5-grams),
 * remembered with each passage's 5-grams: the same pairs come back question after question,
 * and passages do not change while the bot runs.
 */
export class RepeatCache {
  private readonly grams = new Map<string, Set<string>>();
  private readonly repeated = new Map<string, boolean>();

  constructor(private readonly passageById: ReadonlyMap<string, Passage>) {}

  repeats(a: string, b: string): boolean {
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    let repeated = this.repeated.get(key);
    if (repeated === undefined) {
      repeated = overlapRatio(this.gramsOf(a), this.gramsOf(b)) > NEAR_DUPLICATE;
      this.repeated.set(key, repeated);
    }
    return repeated;
  }

  private gramsOf(id: string): Set<string> {
    let grams = this.grams.get(id);
    if (!grams) {
      grams = shingles(this.passageById.get(id)?.text ?? "");
      this.grams.set(id, grams);
    }
    return grams;
  }
}
