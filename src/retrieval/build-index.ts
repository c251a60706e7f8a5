import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Document } from "@langchain/core/documents";
import type { Corpus } from "../corpus/load.js";
import { createAnalyzers } from "./analyzer.js";
import { type EmbeddingModel, TransformersEmbeddings } from "./embeddings.js";
import { type IndexMeta, lexicalFileName, sha256Of, writeIndexFiles } from "./index-files.js";
import { LANGUAGES, type Language } from "./language.js";
import { indexedTexts, LexicalIndex } from "./lexical-index.js";
import type { Lexicon } from "./lexicon.js";
import { HnswVectorStore, VECTOR_STORE_FILES } from "./vector-store.js";

const EMBED_BATCH = 32;

export interface BuildIndexOptions {
  corpus: Corpus;
  lexicon: Lexicon;
  outDir: string;
  /** The embedding model; without one the index is lexical only. */
  model?: EmbeddingModel | undefined;
  onProgress?: (done: number, total: number) => void;
}

/** corpus -> index/: a lexical index per language always, the passages' vectors when a model is given. */
export async function buildIndex(options: BuildIndexOptions): Promise<IndexMeta> {
  const { corpus, lexicon, outDir } = options;
  const analyzers = createAnalyzers(lexicon, corpus);
  const lexicalJson = {} as Record<Language, string>;
  const lexical = {} as IndexMeta["lexical"];
  for (const lang of LANGUAGES) {
    const documents = indexedTexts(corpus, lang);
    lexicalJson[lang] = LexicalIndex.build(documents, analyzers[lang]).toJSON();
    lexical[lang] = { file: lexicalFileName(lang), sha256: sha256Of(lexicalJson[lang]), documents: documents.length };
  }
  mkdirSync(outDir, { recursive: true });
  for (const file of VECTOR_STORE_FILES) rmSync(join(outDir, file), { force: true });

  let dense: IndexMeta["dense"] = null;
  if (options.model) {
    const embeddings = await TransformersEmbeddings.load(options.model);
    const store = new HnswVectorStore(embeddings, embeddings.dimension);
    for (let i = 0; i < corpus.passages.length; i += EMBED_BATCH) {
      const batch = corpus.passages.slice(i, i + EMBED_BATCH);
      const documents = batch.map((p) => new Document({ pageContent: p.text, metadata: { passageId: p.id } }));
      await store.addVectors(await embeddings.embedDocuments(batch.map((p) => p.text)), documents);
      options.onProgress?.(Math.min(i + EMBED_BATCH, corpus.passages.length), corpus.passages.length);
    }
    await store.save(outDir);
    dense = { model: options.model.id, dimension: embeddings.dimension, passages: store.size };
  }

  const meta: IndexMeta = {
    schemaVersion: 2,
    passagesSha256: corpus.manifest.passagesSha256,
    translationsSha256: { ...corpus.translationSha256 },
    lexiconSha256: lexicon.sha256,
    lexical,
    dense,
  };
  writeIndexFiles(outDir, meta, lexicalJson);
  return meta;
}
