import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Corpus } from "../corpus/index.js";
import { createAnalyzers } from "./analyzer.js";
import type { EmbeddingModel } from "./embeddings.js";
import { INDEX_SCHEMA_VERSION, type IndexMeta, lexicalFileName, sha256Of, VECTOR_STORE_FILES, writeIndexFiles } from "./index-files.js";
import { LANGUAGES, type Language } from "./language.js";
import { indexedTexts, LexicalIndex } from "./lexical-index.js";
import type { Lexicon } from "./lexicon.js";

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

  const dense: IndexMeta["dense"] = options.model ? await (await import("./dense.js")).buildVectors(corpus, options.model, outDir, options.onProgress) : null;

  const meta: IndexMeta = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    passagesSha256: corpus.manifest.passagesSha256,
    translationsSha256: { ...corpus.translationSha256 },
    lexiconSha256: lexicon.sha256,
    lexical,
    dense,
  };
  writeIndexFiles(outDir, meta, lexicalJson);
  return meta;
}
