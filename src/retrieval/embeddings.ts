import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Embeddings } from "@langchain/core/embeddings";
import { sha256Of } from "./index-files.js";

/** transformers.js's feature-extraction pipeline, as far as it is used here. */
type FeatureExtractor = (texts: string[], options: { pooling: "mean"; normalize: boolean }) => Promise<{ tolist(): number[][] }>;

/** The part of @xenova/transformers used here. */
interface Transformers {
  env: { allowRemoteModels: boolean; cacheDir: string; localModelPath: string };
  pipeline(task: "feature-extraction", model: string, options: { quantized: boolean }): Promise<unknown>;
}

/**
 * Named through a variable, so that the type check reads the small interface above instead of
 * the package's own types (8 of tsc's 16 s), and passes where the optional package is missing.
 */
const TRANSFORMERS_PACKAGE: string = "@xenova/transformers";

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

/** The ONNX weights transformers.js loads, quantized when the model folder has them. */
const QUANTIZED_WEIGHTS = "onnx/model_quantized.onnx";
const FULL_WEIGHTS = "onnx/model.onnx";

/**
 * A LangChain `Embeddings` over transformers.js feature extraction: mean pooling over tokens,
 * unit length, so cosine similarity is a dot product.
 */
export class TransformersEmbeddings extends Embeddings {
  private constructor(
    readonly model: EmbeddingModel,
    readonly dimension: number,
    /** See `modelSha256`: recorded in the index, checked when it is opened. */
    readonly sha256: string,
    private readonly extract: FeatureExtractor,
  ) {
    super({ maxConcurrency: 1 });
  }

  static async load(model: EmbeddingModel): Promise<TransformersEmbeddings> {
    // Loaded on demand: a lexical-only bot never pays for ONNX Runtime in memory or start-up.
    const { env, pipeline } = (await import(TRANSFORMERS_PACKAGE)) as Transformers;
    if (model.source === "hub") {
      env.allowRemoteModels = true;
      env.cacheDir = model.dir;
    } else {
      env.allowRemoteModels = false;
      env.localModelPath = dirname(model.dir);
    }
    const name = model.source === "hub" ? model.id : basename(model.dir);
    const quantized = model.source === "hub" || existsSync(join(model.dir, QUANTIZED_WEIGHTS));
    const extract = (await pipeline("feature-extraction", name, { quantized })) as FeatureExtractor;
    const probe = await run(extract, ["dimension probe"]);
    // A hub model is cached under <cache>/<id>/, in the same layout as a local one.
    const folder = model.source === "hub" ? join(model.dir, model.id) : model.dir;
    return new TransformersEmbeddings(model, probe[0]!.length, modelSha256(folder, quantized ? QUANTIZED_WEIGHTS : FULL_WEIGHTS), extract);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const prefix = prefixesFor(this.model.id).passage;
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) out.push(...(await run(this.extract, texts.slice(i, i + BATCH).map((t) => prefix + t))));
    return out;
  }

  /** Many questions at once, in batches (the bank's questions at build time). */
  async embedQueries(texts: string[], onBatch?: (done: number) => void): Promise<number[][]> {
    const prefix = prefixesFor(this.model.id).query;
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      out.push(...(await run(this.extract, texts.slice(i, i + BATCH).map((t) => prefix + t))));
      onBatch?.(out.length);
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await run(this.extract, [prefixesFor(this.model.id).query + text]))[0]!;
  }
}

async function run(extract: FeatureExtractor, texts: string[]): Promise<number[][]> {
  return (await extract(texts, { pooling: "mean", normalize: true })).tolist();
}

/**
 * The files that decide a text's vector, the tokenizer (words to rows) and the weights, hashed
 * as the lines `<sha256>  <file>` of sha256sum: two copies of a model under the same name, one
 * rebuilt, differ here.
 */
function modelSha256(folder: string, weightsFile: string): string {
  const lines = ["tokenizer.json", weightsFile].map((file) => `${sha256Of(readFileSync(join(folder, file)))}  ${file}\n`);
  return sha256Of(lines.join(""));
}
