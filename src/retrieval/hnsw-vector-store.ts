import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { SaveableVectorStore } from "@langchain/core/vectorstores";
import { z } from "zod";
import { DOCUMENTS_FILE, VECTORS_FILE } from "./index-files.js";

/** An hnswlib-node graph, as far as it is used here. */
interface HierarchicalNSW {
  initIndex(maxElements: number, m: number, efConstruction: number, randomSeed: number): void;
  getMaxElements(): number;
  getCurrentCount(): number;
  resizeIndex(maxElements: number): void;
  addPoint(point: number[], label: number): void;
  setEf(ef: number): void;
  searchKnn(query: number[], k: number): { neighbors: number[]; distances: number[] };
  writeIndexSync(path: string): void;
  readIndexSync(path: string): void;
}

/**
 * Named through a variable, so that the type check reads the small interface above instead of
 * the package's own types, and passes where the optional package did not build (see embeddings.ts).
 * This module is imported only by the dense path, so a missing package fails that path alone.
 */
const HNSWLIB_PACKAGE: string = "hnswlib-node";
const { HierarchicalNSW } = ((await import(HNSWLIB_PACKAGE)) as { default: { HierarchicalNSW: new (space: "cosine", dimension: number) => HierarchicalNSW } }).default;

const StoredDocumentsSchema = z.object({
  dimension: z.number().int().positive(),
  documents: z.array(z.object({ pageContent: z.string(), metadata: z.record(z.string(), z.unknown()) })),
});

/** Fixed so that a rebuild on the same vectors writes the same graph. */
const HNSW = { m: 16, efConstruction: 200, randomSeed: 100, efSearch: 64 };

/**
 * A LangChain vector store over hnswlib-node (cosine space). Saved as the hnsw graph plus the
 * documents' metadata; `load` checks both before use. Made only by the factory in vector-store.ts.
 */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: never;
  private index: HierarchicalNSW | undefined;
  private documents: DocumentInterface[] = [];

  constructor(
    embeddings: EmbeddingsInterface,
    readonly dimension: number,
  ) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return "hnswlib-node";
  }

  get size(): number {
    return this.documents.length;
  }

  async addDocuments(documents: DocumentInterface[]): Promise<void> {
    await this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<void> {
    if (vectors.length !== documents.length) throw new Error("one vector per document");
    const bad = vectors.find((v) => v.length !== this.dimension);
    if (bad) throw new Error(`vector of dimension ${bad.length} given to a store of dimension ${this.dimension}`);
    const total = this.documents.length + vectors.length;
    if (!this.index) {
      this.index = new HierarchicalNSW("cosine", this.dimension);
      this.index.initIndex(Math.max(total, 1), HNSW.m, HNSW.efConstruction, HNSW.randomSeed);
    } else if (total > this.index.getMaxElements()) {
      this.index.resizeIndex(total);
    }
    vectors.forEach((vector, i) => this.index!.addPoint(vector, this.documents.length + i));
    this.documents.push(...documents);
  }

  async similaritySearchVectorWithScore(query: number[], k: number): Promise<[DocumentInterface, number][]> {
    if (!this.index || this.documents.length === 0) return [];
    if (query.length !== this.dimension) throw new Error(`query of dimension ${query.length} for a store of dimension ${this.dimension}`);
    this.index.setEf(Math.max(HNSW.efSearch, k));
    const { neighbors, distances } = this.index.searchKnn(query, Math.min(k, this.documents.length));
    // hnswlib's cosine space returns 1 - cosine similarity.
    return neighbors.map((label, i) => [this.documents[label]!, 1 - distances[i]!]);
  }

  async save(directory: string): Promise<void> {
    if (!this.index) throw new Error("nothing to save: the store is empty");
    this.index.writeIndexSync(join(directory, VECTORS_FILE));
    const stored = { dimension: this.dimension, documents: this.documents.map((d) => ({ pageContent: d.pageContent, metadata: d.metadata })) };
    writeFileSync(join(directory, DOCUMENTS_FILE), JSON.stringify(stored));
  }

  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswVectorStore> {
    const stored = StoredDocumentsSchema.parse(JSON.parse(readFileSync(join(directory, DOCUMENTS_FILE), "utf8")));
    const store = new HnswVectorStore(embeddings, stored.dimension);
    const index = new HierarchicalNSW("cosine", stored.dimension);
    index.readIndexSync(join(directory, VECTORS_FILE));
    if (index.getCurrentCount() !== stored.documents.length) {
      throw new Error(`${VECTORS_FILE} holds ${index.getCurrentCount()} vectors for ${stored.documents.length} documents`);
    }
    store.index = index;
    store.documents = stored.documents.map((d) => new Document(d));
    return store;
  }
}
