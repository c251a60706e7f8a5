import MiniSearch, { type Options } from "minisearch";
import { type Corpus, type PassageKind, REPORT_LANGUAGE } from "../corpus/index.js";
import type { Language } from "./language.js";
import type { Analyzer } from "./analyzer.js";
import type { Ranked } from "./fusion.js";
import type { WeightedQuery } from "./query-context.js";

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

/** What one index holds of a passage, in the index's language. */
export interface IndexedText {
  id: string;
  kind: PassageKind;
  text: string;
  /** Its headings, when they are in the index's language. */
  section: string;
}

function indexOptions(analyzer: Analyzer): Options<IndexedText> {
  return {
    idField: "id",
    fields: ["text", "section"],
    storeFields: ["kind"],
    tokenize: (text) => analyzer.tokens(text),
    processTerm: (token) => analyzer.term(token),
  };
}

/**
 * BM25+ over passages (MiniSearch) in one language, with that language's analyser. Queries
 * arrive as weighted terms (see buildQuery); a term the corpus lacks is matched fuzzily.
 */
export class LexicalIndex {
  private constructor(
    private readonly index: MiniSearch<IndexedText>,
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

  static build(documents: IndexedText[], analyzer: Analyzer): LexicalIndex {
    const index = new MiniSearch<IndexedText>(indexOptions(analyzer));
    index.addAll(documents);
    const documentFrequency = new Map<string, number>();
    for (const d of documents) {
      for (const term of new Set(analyzer.terms(`${d.text} ${d.section}`))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    return new LexicalIndex(index, new Map([...documentFrequency].sort(([a], [b]) => a.localeCompare(b))));
  }

  static fromJSON(json: string, analyzer: Analyzer): LexicalIndex {
    const parsed = JSON.parse(json) as { minisearch: Parameters<typeof MiniSearch.loadJS>[0]; documentFrequency: Record<string, number> };
    return new LexicalIndex(MiniSearch.loadJS<IndexedText>(parsed.minisearch, indexOptions(analyzer)), new Map(Object.entries(parsed.documentFrequency)));
  }

  toJSON(): string {
    return JSON.stringify({ minisearch: this.index.toJSON(), documentFrequency: Object.fromEntries(this.documentFrequency) });
  }

  search(query: WeightedQuery, k: number): Ranked[] {
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

/**
 * What a language's index holds: the reports' words and headings for English; the translated
 * sentences and headings for another language (bibliographies, which are not translated, are left out).
 */
export function indexedTexts(corpus: Corpus, lang: Language): IndexedText[] {
  if (lang === REPORT_LANGUAGE) return corpus.passages.map((p) => ({ id: p.id, kind: p.kind, text: p.text, section: p.section.join(" ") }));
  return corpus.passages.flatMap((p) => {
    const sentences = corpus.sentences.get(p.id) ?? [];
    const translated = sentences.map((s) => s.translations[lang]?.text).filter((t): t is string => t !== undefined);
    const headings = corpus.headings.get(lang);
    return translated.length ? [{ id: p.id, kind: p.kind, text: translated.join(" "), section: p.section.map((h) => headings?.get(h) ?? "").join(" ") }] : [];
  });
}
