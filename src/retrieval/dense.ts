import { Document } from "@langchain/core/documents";
import type { Corpus } from "../corpus/index.js";
import { displayPath } from "../data-file.js";
import type { VectorStoreInterface } from "@langchain/core/vectorstores";
import { BankVectors, bankQuestions, buildBankVectors } from "./bank-vectors.js";
import { missingDensePackage } from "./dense-packages.js";
import { type EmbeddingModel, TransformersEmbeddings } from "./embeddings.js";
import type { IndexMeta } from "./index-files.js";
import { resolveModel } from "./model-resolution.js";
import type { DensePath, OpenOptions } from "./open.js";
import { createVectorStore, openVectorStore } from "./vector-store.js";

/** Passages embedded per call while building. */
const EMBED_BATCH = 32;

/**
 * Embeds every passage into a new vector store saved in `outDir` (the passage's id travels in
 * metadata.passageId), then the question bank's questions; `onProgress` counts both.
 */
export async function buildVectors(corpus: Corpus, model: EmbeddingModel, outDir: string, onProgress?: (done: number, total: number) => void): Promise<NonNullable<IndexMeta["dense"]>> {
  const embeddings = await TransformersEmbeddings.load(model);
  const total = corpus.passages.length + bankQuestions(corpus).length;
  const { store, save } = createVectorStore(embeddings, embeddings.dimension);
  for (let i = 0; i < corpus.passages.length; i += EMBED_BATCH) {
    const batch = corpus.passages.slice(i, i + EMBED_BATCH);
    const documents = batch.map((p) => new Document({ pageContent: p.text, metadata: { passageId: p.id } }));
    await store.addVectors(await embeddings.embedDocuments(batch.map((p) => p.text)), documents);
    onProgress?.(Math.min(i + EMBED_BATCH, corpus.passages.length), total);
  }
  await save(outDir);
  const bank = await buildBankVectors(corpus, embeddings, outDir, (done) => onProgress?.(corpus.passages.length + done, total));
  return { model: model.id, modelSha256: embeddings.sha256, dimension: embeddings.dimension, passages: corpus.passages.length, ...(bank ? { bank } : {}) };
}

/** The dense path over the index's vectors, or why it is off: queries must be embedded by the very model that made them. */
export async function openDense(indexDir: string, meta: IndexMeta, corpus: Corpus, options: OpenOptions): Promise<DensePath | { reason: string }> {
  const index = `${displayPath(indexDir)}/`;
  if (!meta.dense) return { reason: `${index} holds no vectors (it was built without an embedding model)` };
  const id = options.modelId ?? meta.dense.model;
  if (id !== meta.dense.model) {
    return { reason: `${index} vectors were made by ${meta.dense.model}, but EMBEDDING_MODEL asks for ${id}: run \`npm run build:index\` to re-embed with ${id}, or unset EMBEDDING_MODEL` };
  }
  const resolution = resolveModel({ id, envDir: options.modelDir, roots: options.modelRoots, allowHub: options.allowHub ?? false });
  if (!resolution.model) return { reason: `no copy of the embedding model ${id} was found (looked in ${resolution.tried.join(", ")})` };
  const modelDir = displayPath(resolution.model.dir);
  let embeddings: TransformersEmbeddings;
  try {
    embeddings = await TransformersEmbeddings.load(resolution.model);
  } catch (error) {
    return { reason: missingDensePackage(error) ?? `the embedding model ${id} at ${modelDir} could not be loaded (${(error as Error).message.split("\n")[0]})` };
  }
  if (embeddings.dimension !== meta.dense.dimension) {
    return { reason: `the model at ${modelDir} makes ${embeddings.dimension}-d vectors but ${index} holds ${meta.dense.dimension}-d ones: run \`npm run build:index\`` };
  }
  if (embeddings.sha256 !== meta.dense.modelSha256) {
    return { reason: `the model at ${modelDir} is not the copy of ${id} that made the vectors in ${index} (its sha256 differs): run \`npm run build:index\` to re-embed the passages with it` };
  }
  let store: VectorStoreInterface;
  try {
    store = await openVectorStore(indexDir, embeddings, meta.dense.passages);
  } catch (error) {
    return { reason: `the vectors in ${index} are damaged (${(error as Error).message}): run \`npm run build:index\`` };
  }
  const bank = BankVectors.open(indexDir, meta.dense.bank, corpus, embeddings.dimension);
  if ("reason" in bank) options.onDenseUnavailable?.(`the question bank is matched by its words only: ${bank.reason}`);
  return { modelId: id, embeddings, store, ...("reason" in bank ? {} : { bank }) };
}
