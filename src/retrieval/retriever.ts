import { REPORT_LANGUAGE } from "../corpus/languages.js";
import type { Corpus } from "../corpus/load.js";
import type { Passage } from "../corpus/schema.js";
import { overlapRatio, shingles } from "../corpus/text.js";
import { combineScores, NEAR_DUPLICATE, reciprocalRankFusion, suppressNearDuplicates, type Ranked } from "./fusion.js";
import type { IndexMeta } from "./index-files.js";
import { LANGUAGES, type Language, type LanguageGuess } from "./language.js";
import { isStopword } from "./analyzer.js";
import { type Lexicon, tokenize } from "./lexicon.js";
import { type DensePath, type OpenedIndex, openIndex, type OpenOptions } from "./open.js";
import { buildQuery, type Concept, type QueryContext, synonymsByTerm } from "./query.js";
import { TermCache } from "./term-cache.js";

export type RetrieverKind = "lexical" | "dense" | "hybrid";
export const RETRIEVER_KINDS: readonly RetrieverKind[] = ["lexical", "dense", "hybrid"];

export interface RetrievedPassage {
  rank: number;
  score: number;
  passage: Passage;
}

export interface Retrieval {
  lang: Language;
  langBy: LanguageGuess["by"] | "caller";
  retriever: RetrieverKind;
  /** The index languages searched: the reports' English, and the question's own when translated. */
  searched: Language[];
  /** What the question asks about, as index terms: the answer stage measures support with it. */
  concepts: Concept[];
  /** The places the question names (the lexicon's English place words). */
  places: string[];
  passages: RetrievedPassage[];
  timings: { languageMs: number; lexicalMs?: number; denseMs?: number; fusionMs?: number; totalMs: number };
}

export interface RetrieveOptions {
  k?: number;
  retriever?: RetrieverKind;
  /** Force the language (the user's choice); otherwise identified from the question. */
  lang?: Language;
  /** Language when the question gives no clue (the user's Telegram language). */
  fallbackLang?: Language;
  /** Search the translation in the question's language too (default); off to measure English alone. */
  bilingual?: boolean;
}

/** Asked for a retriever this installation cannot offer. */
export class RetrieverUnavailable extends Error {
  override name = "RetrieverUnavailable";
}

/**
 * Texts whose index terms are kept, per language: the words and fact texts of the cards and
 * the like (the answer stage keeps its own terms of every sentence, see PassageWindows).
 */
const TERMS_CACHE_SIZE = 2_000;

/** How many candidates each list brings to fusion. */
const FUSION_DEPTH = 50;

/**
 * Weight of the question's own language index against the reports' English when their scores
 * are combined: a French question meets the French translation word for word, where the
 * English index sees it only through the lexicon. Measured on the 143 French tuning
 * questions: recall@5 the same from 0.5 to 3, MRR best between 1 and 1.5.
 */
const OWN_LANGUAGE_WEIGHT = 1.5;

/** What the answer stage needs to weigh a text against a question, in either language. */
export interface TermSource {
  termsOf(text: string, lang: Language): Set<string>;
  /** Inverse document frequency of an index term; a term no passage holds gets the highest. */
  idf(term: string, lang: Language): number;
  /** The corpus (or its translation) holds the term. */
  knows(term: string, lang: Language): boolean;
}

/**
 * The retrieval stage: lexical in the reports' English and in the question's language
 * (always), dense (when a model matching the index is found) and their fusion, over the
 * committed corpus and index.
 */
export class PassageRetriever implements TermSource {
  readonly corpus: Corpus;
  readonly meta: IndexMeta;
  readonly lexicon: Lexicon;
  /** Why dense retrieval is off, when it is. */
  readonly denseUnavailable: string | undefined;
  private readonly queryContext: QueryContext;
  private readonly termCaches: Record<Language, TermCache>;
  private readonly grams = new Map<string, Set<string>>();
  private readonly repeatsCache = new Map<string, boolean>();

  private constructor(private readonly opened: OpenedIndex) {
    this.corpus = opened.corpus;
    this.meta = opened.meta;
    this.lexicon = opened.lexicon;
    this.denseUnavailable = opened.denseUnavailable;
    const vocabularies = Object.fromEntries(LANGUAGES.map((l) => [l, opened.lexical[l].vocabulary])) as QueryContext["vocabularies"];
    this.queryContext = { lexicon: opened.lexicon, analyzers: opened.analyzers, vocabularies, synonymsByTerm: synonymsByTerm(opened.lexicon, opened.analyzers.en) };
    this.termCaches = Object.fromEntries(LANGUAGES.map((l) => [l, new TermCache(opened.analyzers[l], TERMS_CACHE_SIZE)])) as Record<Language, TermCache>;
  }

  static async open(options: OpenOptions = {}): Promise<PassageRetriever> {
    return new PassageRetriever(await openIndex(options));
  }

  /**
   * Lexical, measured best: with the models to be had offline, fusion ranks the dev questions'
   * support lower than lexical alone (see docs/EVAL.md). Hybrid and dense stay one flag away.
   */
  get defaultRetriever(): RetrieverKind {
    return "lexical";
  }

  get available(): RetrieverKind[] {
    return this.opened.dense ? ["lexical", "dense", "hybrid"] : ["lexical"];
  }

  get embeddingModel(): string | undefined {
    return this.opened.dense?.modelId;
  }

  /** The same retriever with another dense path: to measure another embedding model side by side. */
  withDensePath(dense: DensePath): PassageRetriever {
    return new PassageRetriever({ ...this.opened, dense, denseUnavailable: undefined });
  }

  termsOf(text: string, lang: Language): Set<string> {
    return this.termCaches[lang].termsOf(text);
  }

  idf(term: string, lang: Language): number {
    return this.opened.lexical[lang].idf(term);
  }

  knows(term: string, lang: Language): boolean {
    return this.queryContext.vocabularies[lang].has(term);
  }

  identifyLanguage(text: string, fallback: Language): LanguageGuess {
    return this.opened.languages.identify(text, fallback);
  }

  /** Whether a message is in neither French nor English (the bot then says which languages it reads). */
  isForeign(text: string): boolean {
    const { analyzers, lexicon, vocabularies } = this.queryContext;
    const knows = (token: string) => {
      if (lexicon.french.has(token) || lexicon.sms.has(token) || lexicon.places.has(token)) return true;
      const en = analyzers.en.term(token);
      const fr = analyzers.fr.term(token);
      return (en !== null && vocabularies.en.has(en)) || (fr !== null && vocabularies.fr.has(fr)) || isStopword(token);
    };
    return this.opened.languages.isForeign(text, knows);
  }

  /** The places (the lexicon's English place words) a text names: "à Tunis" -> tunis. */
  placesIn(text: string): string[] {
    const { lexicon } = this.queryContext;
    const places = new Set<string>();
    for (const token of tokenize(text)) {
      for (const word of [token, ...(lexicon.french.get(token) ?? []), lexicon.conflations.get(token) ?? ""]) if (lexicon.places.has(word)) places.add(word);
    }
    return [...places];
  }

  /** A passage's word 5-grams, computed once: passages do not change while the bot runs. */
  private gramsOf(id: string): Set<string> {
    let grams = this.grams.get(id);
    if (!grams) {
      grams = shingles(this.corpus.passageById.get(id)?.text ?? "");
      this.grams.set(id, grams);
    }
    return grams;
  }

  /** Whether two passages share most of their words; remembered, as the same pairs come back. */
  private repeats(a: string, b: string): boolean {
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    let repeated = this.repeatsCache.get(key);
    if (repeated === undefined) {
      repeated = overlapRatio(this.gramsOf(a), this.gramsOf(b)) > NEAR_DUPLICATE;
      this.repeatsCache.set(key, repeated);
    }
    return repeated;
  }

  async retrieve(question: string, options: RetrieveOptions = {}): Promise<Retrieval> {
    const started = performance.now();
    const k = options.k ?? 5;
    const kind = options.retriever ?? this.defaultRetriever;
    const dense = this.opened.dense;
    if (kind !== "lexical" && !dense) throw new RetrieverUnavailable(`${kind} retrieval is not available: ${this.denseUnavailable}.`);
    const guess: { lang: Language; by: Retrieval["langBy"] } = options.lang
      ? { lang: options.lang, by: "caller" }
      : this.opened.languages.identify(question, options.fallbackLang ?? "fr");
    const timings: Retrieval["timings"] = { languageMs: performance.now() - started, totalMs: 0 };

    // The question is read in the language it is written in, whatever the answer's language.
    const written = options.lang ? this.opened.languages.identify(question, options.lang).lang : guess.lang;
    const searched: Language[] = written !== REPORT_LANGUAGE && (options.bilingual ?? true) ? [REPORT_LANGUAGE, written] : [REPORT_LANGUAGE];
    const depth = kind === "hybrid" ? FUSION_DEPTH : Math.max(k * 4, 20);
    const analyzed = buildQuery(question, written, this.queryContext);
    const lists: Ranked[][] = [];
    if (kind !== "dense") {
      const t = performance.now();
      const byLanguage = searched.map((lang) => this.opened.lexical[lang].search(analyzed.queries[lang], depth));
      lists.push(byLanguage.length === 1 ? byLanguage[0]! : combineScores(byLanguage, searched.map((lang) => (lang === REPORT_LANGUAGE ? 1 : OWN_LANGUAGE_WEIGHT))));
      timings.lexicalMs = performance.now() - t;
    }
    if (kind !== "lexical" && dense) {
      const t = performance.now();
      const vector = await dense.embeddings.embedQuery(dense.prepareQuery?.(question, written) ?? question);
      const hits = await dense.store.similaritySearchVectorWithScore(vector, depth);
      lists.push(hits.map(([doc, score]) => ({ id: String(doc.metadata.passageId), score })));
      timings.denseMs = performance.now() - t;
    }
    const t = performance.now();
    const ranked = lists.length === 1 ? lists[0]! : reciprocalRankFusion(lists);
    const kept = suppressNearDuplicates(ranked.slice(0, depth), (a, b) => this.repeats(a, b), k);
    timings.fusionMs = performance.now() - t;
    timings.totalMs = performance.now() - started;
    return {
      lang: guess.lang,
      langBy: guess.by,
      retriever: kind,
      searched,
      concepts: analyzed.concepts,
      places: this.placesIn(question),
      passages: kept.flatMap((r, i) => {
        const passage = this.corpus.passageById.get(r.id);
        return passage ? [{ rank: i + 1, score: r.score, passage }] : [];
      }),
      timings,
    };
  }
}
