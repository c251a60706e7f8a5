import { Document } from "@langchain/core/documents";
import type { Corpus } from "../corpus/load.js";
import { type EmbeddingModel, TransformersEmbeddings } from "./embeddings.js";
import type { IndexMeta } from "./index-files.js";
import { resolveModel } from "./model-resolution.js";
import type { DensePath, OpenOptions } from "./open.js";
import { HnswVectorStore } from "./vector-store.js";

/** Passages embedded per call while building. */
const EMBED_BATCH = 32;

/**
 * The one place the dense store is made: the committed index uses hnswlib-node. Another
 * LangChain vector store (pgvector, Qdrant) plugs in here and in `openDense`.
 */
export async function buildVectors(corpus: Corpus, model: EmbeddingModel, outDir: string, onProgress?: (done: number, total: number) => void): Promise<NonNullable<IndexMeta["dense"]>> {
  const embeddings = await TransformersEmbeddings.load(model);
  const store = new HnswVectorStore(embeddings, embeddings.dimension);
  for (let i = 0; i < corpus.passages.length; i += EMBED_BATCH) {
    const batch = corpus.passages.slice(i, i + EMBED_BATCH);
    const documents = batch.map((p) => new Document({ pageContent: p.text, metadata: { passageId: p.id } }));
    await store.addVectors(await embeddings.embedDocuments(batch.map((p) => p.text)), documents);
    onProgress?.(Math.min(i + EMBED_BATCH, corpus.passages.length), corpus.passages.length);
  }
  await store.save(outDir);
  return { model: model.id, dimension: embeddings.dimension, passages: store.size };
}

export async function openDense(indexDir: string, meta: IndexMeta, options: OpenOptions): Promise<DensePath | { reason: string }> {
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
