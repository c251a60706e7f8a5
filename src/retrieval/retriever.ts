import { join } from "node:path";
import { type Corpus, loadCorpus, DEFAULT_CORPUS_DIR } from "../corpus/load.js";
import { shingles } from "../corpus/text.js";
import type { Passage } from "../corpus/schema.js";
import { createAnalyzer } from "./analyzer.js";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { TransformersEmbeddings } from "./embeddings.js";
import { reciprocalRankFusion, suppressNearDuplicates, type Ranked } from "./fusion.js";
import { DEFAULT_INDEX_DIR, IndexError, type IndexMeta, readIndexMeta, readLexicalFile, REBUILD_INDEX } from "./index-files.js";
import { type Language, type LanguageGuess, LanguageIdentifier } from "./language.js";
import { LexicalIndex } from "./lexical-index.js";
import { type Lexicon, loadLexicon } from "./lexicon.js";
import { type ModelSearch, resolveModel } from "./model-resolution.js";
import { buildQuery, type Concept, type QueryContext } from "./query.js";
import { HnswVectorStore } from "./vector-store.js";

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
  /** What the question asks about, as index terms: the answer stage measures support with it. */
  concepts: Concept[];
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
}

export interface OpenOptions {
  corpusDir?: string;
  indexDir?: string;
  /** EMBEDDING_MODEL: the model to embed queries with; by default the one the index was built with. */
  modelId?: string | undefined;
  /** EMBEDDING_MODEL_DIR. */
  modelDir?: string | undefined;
  allowHub?: boolean;
  /** Folders holding models by id (default: ./models, ../shared/models, index/models). */
  modelRoots?: ModelSearch["roots"];
  /** Load the dense path (off by default: lexical is the default retriever and starts faster). */
  dense?: boolean;
  /** Told once why dense retrieval is off. */
  onDenseUnavailable?: (reason: string) => void;
  /**
   * When given, a missing or damaged lexical index file is rebuilt in memory from the corpus
   * (safe: the corpus and lexicon match the index's record) and this is told why; otherwise it
   * stops with the command that fixes it.
   */
  onLexicalRebuilt?: (reason: string) => void;
}

/** Asked for a retriever this installation cannot offer. */
export class RetrieverUnavailable extends Error {
  override name = "RetrieverUnavailable";
}

/** Texts whose index terms are kept: every sentence and sentence pair of the corpus, with room. */
const TERMS_CACHE_SIZE = 20_000;

/** How many candidates each list brings to fusion. */
const FUSION_DEPTH = 50;

/** A dense retriever: how queries become vectors, and the passages' vectors. */
export interface DensePath {
  modelId: string;
  embeddings: EmbeddingsInterface;
  store: HnswVectorStore;
  /** Rewrites the question before embedding (an English-only encoder gets French turned into English). */
  prepareQuery?: (question: string, lang: Language) => string;
}

/**
 * The retrieval stage: lexical (always), dense (when a model matching the index is found) and
 * their fusion, over the committed corpus and index.
 */
export class PassageRetriever {
  private constructor(
    readonly corpus: Corpus,
    readonly meta: IndexMeta,
    readonly lexicon: Lexicon,
    private readonly lexical: LexicalIndex,
    private readonly queryContext: QueryContext,
    private readonly languages: LanguageIdentifier,
    private readonly dense: DensePath | undefined,
    /** Why dense retrieval is off, when it is. */
    readonly denseUnavailable: string | undefined,
  ) {}

  static async open(options: OpenOptions = {}): Promise<PassageRetriever> {
    const corpus = loadCorpus(options.corpusDir ?? DEFAULT_CORPUS_DIR);
    const indexDir = options.indexDir ?? DEFAULT_INDEX_DIR;
    const meta = readIndexMeta(indexDir);
    if (meta.passagesSha256 !== corpus.manifest.passagesSha256) {
      throw new IndexError(`${indexDir}/ was built from another version of the corpus. ${REBUILD_INDEX}`);
    }
    const lexicon = loadLexicon();
    if (meta.lexiconSha256 !== lexicon.sha256) {
      throw new IndexError(`${indexDir}/ was built with another version of the lexicon. ${REBUILD_INDEX}`);
    }
    const analyzer = createAnalyzer(lexicon);
    let lexical: LexicalIndex;
    try {
      lexical = LexicalIndex.fromJSON(readLexicalFile(indexDir, meta), analyzer);
    } catch (error) {
      const problem = error instanceof IndexError ? error : new IndexError(`${join(indexDir, meta.lexical.file)} cannot be read (${(error as Error).message}). ${REBUILD_INDEX}`);
      if (!options.onLexicalRebuilt) throw problem;
      // The corpus and lexicon match the index's record, so the same code rebuilds the same index.
      lexical = LexicalIndex.build(corpus.passages, analyzer);
      options.onLexicalRebuilt(`${problem.message} Meanwhile the lexical index was rebuilt in memory from the corpus.`);
    }
    const [languages, dense] = await Promise.all([
      LanguageIdentifier.load(lexicon),
      options.dense ? openDense(indexDir, meta, options) : { reason: "it was not asked for (set RETRIEVER=hybrid or pass --retriever)" },
    ]);
    if ("reason" in dense && options.dense) options.onDenseUnavailable?.(dense.reason);
    return new PassageRetriever(
      corpus,
      meta,
      lexicon,
      lexical,
      { lexicon, analyzer, vocabulary: lexical.vocabulary },
      languages,
      "reason" in dense ? undefined : dense,
      "reason" in dense ? dense.reason : undefined,
    );
  }

  /**
   * Lexical, measured best: with the models to be had offline, fusion ranks the dev questions'
   * support lower than lexical alone (see docs/EVAL.md). Hybrid and dense stay one flag away.
   */
  get defaultRetriever(): RetrieverKind {
    return "lexical";
  }

  get available(): RetrieverKind[] {
    return this.dense ? ["lexical", "dense", "hybrid"] : ["lexical"];
  }

  get embeddingModel(): string | undefined {
    return this.dense?.modelId;
  }

  /** The same retriever with another dense path: to measure another embedding model side by side. */
  withDensePath(dense: DensePath): PassageRetriever {
    return new PassageRetriever(this.corpus, this.meta, this.lexicon, this.lexical, this.queryContext, this.languages, dense, undefined);
  }

  private readonly grams = new Map<string, Set<string>>();
  private readonly terms = new Map<string, Set<string>>();

  /** A passage's word 5-grams, computed once: passages do not change while the bot runs. */
  private gramsOf(id: string): Set<string> {
    let grams = this.grams.get(id);
    if (!grams) {
      grams = shingles(this.corpus.passageById.get(id)?.text ?? "");
      this.grams.set(id, grams);
    }
    return grams;
  }

  /**
   * The index terms of a text (a sentence of a passage), to compare with a question's concepts.
   * The same sentences come back question after question, so results are kept (bounded).
   */
  termsOf(text: string): Set<string> {
    let terms = this.terms.get(text);
    if (!terms) {
      terms = new Set(this.queryContext.analyzer.terms(text));
      if (this.terms.size >= TERMS_CACHE_SIZE) this.terms.delete(this.terms.keys().next().value!);
      this.terms.set(text, terms);
    }
    return terms;
  }

  /** Inverse document frequency of an index term; a term no passage holds gets the highest. */
  idf(term: string): number {
    return this.lexical.idf(term);
  }

  identifyLanguage(text: string, fallback: Language): LanguageGuess {
    return this.languages.identify(text, fallback);
  }

  async retrieve(question: string, options: RetrieveOptions = {}): Promise<Retrieval> {
    const started = performance.now();
    const k = options.k ?? 5;
    const kind = options.retriever ?? this.defaultRetriever;
    if (kind !== "lexical" && !this.dense) throw new RetrieverUnavailable(`${kind} retrieval is not available: ${this.denseUnavailable}.`);
    const guess: { lang: Language; by: Retrieval["langBy"] } = options.lang
      ? { lang: options.lang, by: "caller" }
      : this.languages.identify(question, options.fallbackLang ?? "fr");
    const timings: Retrieval["timings"] = { languageMs: performance.now() - started, totalMs: 0 };

    const depth = kind === "hybrid" ? FUSION_DEPTH : Math.max(k * 4, 20);
    const analyzed = buildQuery(question, guess.lang, this.queryContext);
    let lexical: Ranked[] = [];
    let dense: Ranked[] = [];
    if (kind !== "dense") {
      const t = performance.now();
      lexical = this.lexical.search(analyzed.terms, depth);
      timings.lexicalMs = performance.now() - t;
    }
    if (kind !== "lexical" && this.dense) {
      const t = performance.now();
      const vector = await this.dense.embeddings.embedQuery(this.dense.prepareQuery?.(question, guess.lang) ?? question);
      const hits = await this.dense.store.similaritySearchVectorWithScore(vector, depth);
      dense = hits.map(([doc, score]) => ({ id: String(doc.metadata.passageId), score }));
      timings.denseMs = performance.now() - t;
    }
    const t = performance.now();
    const ranked = kind === "hybrid" ? reciprocalRankFusion([lexical, dense]) : kind === "dense" ? dense : lexical;
    const kept = suppressNearDuplicates(ranked.slice(0, depth), (id) => this.gramsOf(id)).slice(0, k);
    timings.fusionMs = performance.now() - t;
    timings.totalMs = performance.now() - started;
    return {
      lang: guess.lang,
      langBy: guess.by,
      retriever: kind,
      concepts: analyzed.concepts,
      passages: kept.flatMap((r, i) => {
        const passage = this.corpus.passageById.get(r.id);
        return passage ? [{ rank: i + 1, score: r.score, passage }] : [];
      }),
      timings,
    };
  }
}

async function openDense(indexDir: string, meta: IndexMeta, options: OpenOptions): Promise<DensePath | { reason: string }> {
  if (!meta.dense) return { reason: `${indexDir}/ holds no vectors (it was built without an embedding model)` };
  const id = options.modelId ?? meta.dense.model;
  if (id !== meta.dense.model) {
    return { reason: `${indexDir}/ vectors were made by ${meta.dense.model}, but EMBEDDING_MODEL asks for ${id}: run \`npm run build:index\` to re-embed with ${id}, or unset EMBEDDING_MODEL` };
  }
  const resolution = resolveModel({ id, envDir: options.modelDir, roots: options.modelRoots, allowHub: options.allowHub ?? false });
  if (!resolution.model) return { reason: `no copy of the embedding model ${id} was found (looked in ${resolution.tried.join(", ")})` };
  let embeddings: TransformersEmbeddings;
  try {
    embeddings = await TransformersEmbeddings.load(resolution.model);
  } catch (error) {
    return { reason: `the embedding model ${id} at ${resolution.model.dir} could not be loaded (${(error as Error).message.split("\n")[0]})` };
  }
  if (embeddings.dimension !== meta.dense.dimension) {
    return { reason: `the model at ${resolution.model.dir} makes ${embeddings.dimension}-d vectors but ${indexDir}/ holds ${meta.dense.dimension}-d ones: run \`npm run build:index\`` };
  }
  try {
    const store = await HnswVectorStore.load(indexDir, embeddings);
    if (store.size !== meta.dense.passages) throw new Error(`${store.size} vectors for ${meta.dense.passages} passages`);
    return { modelId: id, embeddings, store };
  } catch (error) {
    return { reason: `the vectors in ${indexDir}/ are damaged (${(error as Error).message}): run \`npm run build:index\`` };
  }
}
