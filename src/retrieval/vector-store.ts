import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { VectorStoreInterface } from "@langchain/core/vectorstores";
import { HnswVectorStore } from "./hnsw-vector-store.js";

/*
 * The one place that names the dense store's class: every other module sees LangChain's
 * VectorStoreInterface, and finds a passage by its document's metadata.passageId. To keep the
 * vectors in pgvector or Qdrant instead of hnswlib files, change these two functions
 * (docs/DENSE-STORE.md).
 */

/** A store being filled with the passages' vectors; `save` makes them last in the index folder. */
export interface VectorStoreBeingBuilt {
  store: VectorStoreInterface;
  save(indexDir: string): Promise<void>;
}

/** An empty store for vectors of `dimension` (build:index, and eval's side-by-side measurements). */
export function createVectorStore(embeddings: EmbeddingsInterface, dimension: number): VectorStoreBeingBuilt {
  const store = new HnswVectorStore(embeddings, dimension);
  return { store, save: (indexDir) => store.save(indexDir) };
}

/** The vectors build:index left, for queries; throws when they are damaged or not one per passage. */
export async function openVectorStore(indexDir: string, embeddings: EmbeddingsInterface, passages: number): Promise<VectorStoreInterface> {
  const store = await HnswVectorStore.load(indexDir, embeddings);
  if (store.size !== passages) throw new Error(`${store.size} vectors for ${passages} passages`);
  return store;
}
