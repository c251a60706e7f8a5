import type { Corpus } from "../corpus/index.js";
import type { IndexMeta } from "./index-files.js";
import { LANGUAGES, type Language, type LanguageGuess } from "./language.js";
import { lawNumbersByYear } from "./law-numbers.js";
import { type Lexicon, placesNamedIn } from "./lexicon.js";
import { type DensePath, type OpenedIndex, openIndex, type OpenOptions } from "./open.js";
import { type QueryContext, synonymsByTerm } from "./query-context.js";
import { isKnown } from "./spelling.js";
import { PassageSearch, type Retrieval, type RetrieveOptions, type RetrieverKind } from "./search.js";
import { TermCache } from "./term-cache.js";

// What `retrieve` takes and returns, with the class that offers it.
export { RETRIEVER_KINDS, RetrieverUnavailable, type Retrieval, type RetrievedPassage, type RetrieveOptions, type RetrieverKind } from "./search.js";

/**
 * Texts whose index terms are kept, per language: the words and fact texts of the cards and
 * the like (the answer stage keeps its own terms of every sentence, see PassageWindows).
 */
const TERMS_CACHE_SIZE = 2_000;

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
 * committed corpus and index. Opening is in open.ts, the search itself in search.ts.
 */
export class PassageRetriever implements TermSource {
  readonly corpus: Corpus;
  readonly meta: IndexMeta;
  readonly lexicon: Lexicon;
  /** Why dense retrieval is off, when it is. */
  readonly denseUnavailable: string | undefined;
  private readonly queryContext: QueryContext;
  private readonly termCaches: Record<Language, TermCache>;
  private readonly passageSearch: PassageSearch;

  private constructor(private readonly opened: OpenedIndex) {
    this.corpus = opened.corpus;
    this.meta = opened.meta;
    this.lexicon = opened.lexicon;
    this.denseUnavailable = opened.denseUnavailable;
    const vocabularies = Object.fromEntries(LANGUAGES.map((l) => [l, opened.lexical[l].vocabulary])) as QueryContext["vocabularies"];
    this.queryContext = { lexicon: opened.lexicon, analyzers: opened.analyzers, vocabularies, synonymsByTerm: synonymsByTerm(opened.lexicon, opened.analyzers.en), lawNumbersByYear: lawNumbersByYear(opened.corpus.passages.map((p) => p.text)) };
    this.termCaches = Object.fromEntries(LANGUAGES.map((l) => [l, new TermCache(opened.analyzers[l], TERMS_CACHE_SIZE)])) as Record<Language, TermCache>;
    this.passageSearch = new PassageSearch(opened, this.queryContext);
  }

  static async open(options: OpenOptions = {}): Promise<PassageRetriever> {
    return new PassageRetriever(await openIndex(options));
  }

  /**
   * The retriever asked for at opening (RETRIEVER), when this install offers it; else lexical,
   * measured best: with the models to be had offline, fusion ranks the dev questions' support
   * lower than lexical alone (see docs/EVAL.md).
   */
  get defaultRetriever(): RetrieverKind {
    return this.available.includes(this.opened.preferred) ? this.opened.preferred : "lexical";
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
    const { lexicon } = this.queryContext;
    const knows = (token: string) => isKnown(token, this.queryContext) || lexicon.sms.has(token) || lexicon.places.has(token);
    return this.opened.languages.isForeign(text, knows);
  }

  /** The places (the lexicon's English place words) a text names: "à Tunis" -> tunis. */
  placesIn(text: string): string[] {
    return placesNamedIn(text, this.lexicon);
  }

  retrieve(question: string, options: RetrieveOptions = {}): Promise<Retrieval> {
    return this.passageSearch.search(question, options.retriever ?? this.defaultRetriever, options);
  }
}
