import { join } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { VectorStoreInterface } from "@langchain/core/vectorstores";
import { type Corpus, DEFAULT_CORPUS_DIR, loadCorpus } from "../corpus/index.js";
import { displayPath } from "../data-file.js";
import { type Analyzer, createAnalyzers } from "./analyzer.js";
import { BankIndex } from "./bank-index.js";
import type { BankVectors } from "./bank-vectors.js";
import { missingDensePackage } from "./dense-packages.js";
import { DEFAULT_INDEX_DIR, IndexError, type IndexMeta, readIndexMeta, readLexicalFile, REBUILD_INDEX } from "./index-files.js";
import { LANGUAGES, type Language, LanguageIdentifier } from "./language.js";
import { indexedTexts, LexicalIndex } from "./lexical-index.js";
import { type Lexicon, loadLexicon } from "./lexicon.js";
import type { ModelSearch } from "./model-resolution.js";
import type { RetrieverKind } from "./search.js";

export interface OpenOptions {
  corpusDir?: string;
  indexDir?: string;
  /** EMBEDDING_MODEL: the model to embed queries with; by default the one the index was built with. */
  modelId?: string | undefined;
  /** EMBEDDING_MODEL_DIR. */
  modelDir?: string | undefined;
  allowHub?: boolean;
  /** Folders holding models by id (default: the package's models/, ../shared/models/, index/models/). */
  modelRoots?: ModelSearch["roots"];
  /** Load the dense path (off by default: lexical is the default retriever and starts faster). */
  dense?: boolean;
  /**
   * The retriever used when a question names none (RETRIEVER): lexical by default. Dense and
   * hybrid load the dense path too, and fall back to lexical when it cannot be had.
   */
  retriever?: RetrieverKind;
  /** Told once why dense retrieval is off. */
  onDenseUnavailable?: (reason: string) => void;
  /**
   * When given, a missing or damaged lexical index file is rebuilt in memory from the corpus
   * (safe: the corpus and lexicon match the index's record) and this is told why; otherwise it
   * stops with the command that fixes it.
   */
  onLexicalRebuilt?: (reason: string) => void;
}

/** A dense retriever: how queries become vectors, and the passages' vectors (any LangChain vector store). */
export interface DensePath {
  modelId: string;
  embeddings: EmbeddingsInterface;
  store: VectorStoreInterface;
  /** The question bank's questions embedded by the same model, when the index holds them. */
  bank?: BankVectors;
  /** Rewrites the question before embedding (an English-only encoder gets French turned into English). */
  prepareQuery?: (question: string, lang: Language) => string;
}

/** Everything retrieval reads from disk, checked against each other. */
export interface OpenedIndex {
  corpus: Corpus;
  meta: IndexMeta;
  lexicon: Lexicon;
  analyzers: Record<Language, Analyzer>;
  lexical: Record<Language, LexicalIndex>;
  /** The question bank, indexed per language. */
  bank: BankIndex;
  languages: LanguageIdentifier;
  dense: DensePath | undefined;
  /** Why dense retrieval is off, when it is. */
  denseUnavailable: string | undefined;
  /** The retriever asked for as the default (see OpenOptions.retriever). */
  preferred: RetrieverKind;
}

/**
 * Opens corpus/ and index/: stops, naming the command that fixes it, when the index was built
 * from another corpus, translation or lexicon (answers could cite the wrong words); rebuilds a
 * damaged lexical file in memory when asked to; loads the dense path when asked and possible.
 */
export async function openIndex(options: OpenOptions = {}): Promise<OpenedIndex> {
  const corpus = loadCorpus(options.corpusDir ?? DEFAULT_CORPUS_DIR);
  const indexDir = options.indexDir ?? DEFAULT_INDEX_DIR;
  const meta = readIndexMeta(indexDir);
  const index = `${displayPath(indexDir)}/`;
  if (meta.passagesSha256 !== corpus.manifest.passagesSha256) {
    throw new IndexError(`${index} was built from another version of the corpus. ${REBUILD_INDEX}`);
  }
  for (const [lang, sha] of Object.entries(corpus.translationSha256)) {
    if (meta.translationsSha256[lang] !== sha) throw new IndexError(`${index} was built from another version of corpus/translations/${lang}.jsonl. ${REBUILD_INDEX}`);
  }
  const lexicon = loadLexicon();
  if (meta.lexiconSha256 !== lexicon.sha256) {
    throw new IndexError(`${index} was built with another version of the lexicon. ${REBUILD_INDEX}`);
  }
  const analyzers = createAnalyzers(lexicon, corpus);
  const lexical = {} as Record<Language, LexicalIndex>;
  for (const lang of LANGUAGES) {
    try {
      lexical[lang] = LexicalIndex.fromJSON(readLexicalFile(indexDir, meta, lang), analyzers[lang]);
    } catch (error) {
      const file = displayPath(join(indexDir, meta.lexical[lang].file));
      const problem = error instanceof IndexError ? error : new IndexError(`${file} cannot be read (${(error as Error).message}). ${REBUILD_INDEX}`);
      if (!options.onLexicalRebuilt) throw problem;
      // The corpus and lexicon match the index's record, so the same code rebuilds the same index.
      lexical[lang] = LexicalIndex.build(indexedTexts(corpus, lang), analyzers[lang]);
      options.onLexicalRebuilt(`${problem.message} Meanwhile the lexical index was rebuilt in memory from the corpus.`);
    }
  }
  const [languages, dense] = await Promise.all([
    LanguageIdentifier.load(lexicon),
    wantsDense(options) ? loadDense(indexDir, meta, corpus, options) : { reason: "it was not asked for (set RETRIEVER=hybrid or pass --retriever)" },
  ]);
  if ("reason" in dense && wantsDense(options)) options.onDenseUnavailable?.(dense.reason);
  return {
    corpus,
    meta,
    lexicon,
    analyzers,
    lexical,
    bank: BankIndex.build(corpus, analyzers),
    languages,
    dense: "reason" in dense ? undefined : dense,
    denseUnavailable: "reason" in dense ? dense.reason : undefined,
    preferred: options.retriever ?? "lexical",
  };
}

function wantsDense(options: OpenOptions): boolean {
  return options.dense === true || (options.retriever !== undefined && options.retriever !== "lexical");
}

/**
 * The dense path is loaded only when asked for: a lexical-only bot never loads hnswlib-node or
 * ONNX Runtime, and an install where those optional packages failed still answers.
 */
async function loadDense(indexDir: string, meta: IndexMeta, corpus: Corpus, options: OpenOptions): Promise<DensePath | { reason: string }> {
  let dense: typeof import("./dense.js");
  try {
    dense = await import("./dense.js");
  } catch (error) {
    return { reason: missingDensePackage(error) ?? `its code could not be loaded (${(error as Error).message.split("\n")[0]}); run \`npm ci\`` };
  }
  return dense.openDense(indexDir, meta, corpus, options);
}
