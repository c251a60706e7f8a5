import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Embeddings } from "@langchain/core/embeddings";
import type { pipeline } from "@xenova/transformers";

type FeatureExtractor = Awaited<ReturnType<typeof pipeline>>;

/** Where an embedding model was found, in the order of the model resolution rule. */
export type ModelSource = "env" | "project" | "shared" | "bundled" | "hub";

export interface EmbeddingModel {
  /** The model's name, recorded in the index: a query must be embedded by the same model. */
  id: string;
  /** Local folder in the transformers.js layout; for the hub, where it is cached. */
  dir: string;
  source: ModelSource;
}

/** Models trained with instruction prefixes (E5) want them on both sides. */
function prefixesFor(id: string): { query: string; passage: string } {
  return /e5/i.test(id) ? { query: "query: ", passage: "passage: " } : { query: "", passage: "" };
}

const BATCH = 16;

/**
 * A LangChain `Embeddings` over transformers.js feature extraction: mean pooling over tokens,
 * unit length, so cosine similarity is a dot product.
 */
export class TransformersEmbeddings extends Embeddings {
  private constructor(
    readonly model: EmbeddingModel,
    readonly dimension: number,
    private readonly extract: FeatureExtractor,
  ) {
    super({ maxConcurrency: 1 });
  }

  static async load(model: EmbeddingModel): Promise<TransformersEmbeddings> {
    // Loaded on demand: a lexical-only bot never pays for ONNX Runtime in memory or start-up.
    const { env, pipeline } = await import("@xenova/transformers");
    if (model.source === "hub") {
      env.allowRemoteModels = true;
      env.cacheDir = model.dir;
    } else {
      env.allowRemoteModels = false;
      env.localModelPath = dirname(model.dir);
    }
    const name = model.source === "hub" ? model.id : basename(model.dir);
    const quantized = model.source === "hub" || existsSync(join(model.dir, "onnx", "model_quantized.onnx"));
    const extract = await pipeline("feature-extraction", name, { quantized });
    const probe = await run(extract, ["dimension probe"]);
    return new TransformersEmbeddings(model, probe[0]!.length, extract);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const prefix = prefixesFor(this.model.id).passage;
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) out.push(...(await run(this.extract, texts.slice(i, i + BATCH).map((t) => prefix + t))));
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await run(this.extract, [prefixesFor(this.model.id).query + text]))[0]!;
  }
}

async function run(extract: FeatureExtractor, texts: string[]): Promise<number[][]> {
  const output = await (extract as (t: string[], o: object) => Promise<{ tolist(): number[][] }>)(texts, { pooling: "mean", normalize: true });
  return output.tolist();
}
