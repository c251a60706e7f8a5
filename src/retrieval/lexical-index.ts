import MiniSearch, { type Options } from "minisearch";
import type { Passage } from "../corpus/schema.js";
import type { Analyzer } from "./analyzer.js";
import { tokenize } from "./lexicon.js";
import type { WeightedQuery } from "./query.js";

export interface ScoredId {
  id: string;
  score: number;
}

/**
 * BM25+ parameters. Length normalisation (b) is stronger than the usual 0.75: passages run from
 * one-line footnotes to 250 words, and the short ones often hold the precise fact (measured with
 * `npm run eval`: b = 0.9 over 0.7 lifts English recall@5 on the dev questions, French unchanged).
 */
const BM25 = { k: 1.2, b: 0.9, d: 0.5 };

/** Lists of works cited match many words but answer nothing: they rank below what does. */
const REFERENCE_BOOST = 0.3;

/** Section headings count, but less than the passage's own words. */
const FIELD_BOOST = { text: 1, section: 0.5 };

function indexOptions(analyzer: Analyzer): Options<Passage> {
  return {
    idField: "id",
    fields: ["text", "section"],
    extractField: (passage, field) => (field === "section" ? passage.section.join(" ") : String(passage[field as keyof Passage])),
    storeFields: ["kind"],
    tokenize,
    processTerm: (token) => analyzer.term(token),
  };
}

/**
 * BM25+ over passages (MiniSearch) with the shared English analyser. Queries arrive as weighted
 * terms (see buildQuery); a term the corpus lacks is matched fuzzily.
 */
export class LexicalIndex {
  private constructor(
    private readonly index: MiniSearch<Passage>,
    /** Index term -> number of passages that hold it. */
    private readonly documentFrequency: ReadonlyMap<string, number>,
  ) {}

  get vocabulary(): ReadonlySet<string> {
    return new Set(this.documentFrequency.keys());
  }

  /** log((N + 1) / (df + 0.5)): rare terms weigh more; an unknown term weighs most. */
  idf(term: string): number {
    return Math.log((this.index.documentCount + 1) / ((this.documentFrequency.get(term) ?? 0) + 0.5));
  }

  static build(passages: Passage[], analyzer: Analyzer): LexicalIndex {
    const index = new MiniSearch<Passage>(indexOptions(analyzer));
    index.addAll(passages);
    const documentFrequency = new Map<string, number>();
    for (const p of passages) {
      for (const term of new Set(analyzer.terms(`${p.text} ${p.section.join(" ")}`))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    return new LexicalIndex(index, new Map([...documentFrequency].sort(([a], [b]) => a.localeCompare(b))));
  }

  static fromJSON(json: string, analyzer: Analyzer): LexicalIndex {
    const parsed = JSON.parse(json) as { minisearch: Parameters<typeof MiniSearch.loadJS>[0]; documentFrequency: Record<string, number> };
    return new LexicalIndex(MiniSearch.loadJS<Passage>(parsed.minisearch, indexOptions(analyzer)), new Map(Object.entries(parsed.documentFrequency)));
  }

  toJSON(): string {
    return JSON.stringify({ minisearch: this.index.toJSON(), documentFrequency: Object.fromEntries(this.documentFrequency) });
  }

  search(query: WeightedQuery, k: number): ScoredId[] {
    if (query.size === 0) return [];
    const results = this.index.search([...query.keys()].join(" "), {
      tokenize: (text) => text.split(" "),
      processTerm: (term) => term,
      boost: FIELD_BOOST,
      boostTerm: (term) => query.get(term) ?? 1,
      fuzzy: (term) => (this.documentFrequency.has(term) || term.length < 5 ? false : 0.2),
      combineWith: "OR",
      boostDocument: (_id, _term, stored) => (stored?.kind === "reference" ? REFERENCE_BOOST : 1),
      bm25: BM25,
    });
    return results.slice(0, k).map((r) => ({ id: String(r.id), score: r.score }));
  }
}
