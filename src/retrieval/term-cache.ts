import type { Analyzer } from "./analyzer.js";

/**
 * Index terms of texts, kept: the answer stage weighs the same sentences question after
 * question. Bounded, oldest first out.
 */
export class TermCache {
  private readonly terms = new Map<string, Set<string>>();

  constructor(
    private readonly analyzer: Analyzer,
    private readonly capacity: number,
  ) {}

  termsOf(text: string): Set<string> {
    let terms = this.terms.get(text);
    if (!terms) {
      terms = new Set(this.analyzer.terms(text));
      if (this.terms.size >= this.capacity) this.terms.delete(this.terms.keys().next().value!);
      this.terms.set(text, terms);
    }
    return terms;
  }
}
