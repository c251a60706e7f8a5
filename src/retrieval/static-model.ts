import onnxProto from "onnx-proto";
import type { Lexicon } from "./lexicon.js";
import { tokenize } from "./lexicon.js";

const { onnx } = onnxProto;

/** Word vectors in the order of their frequency in the text they were trained on. */
export interface WordVectors {
  dimension: number;
  words: string[];
  vector(word: string): ArrayLike<number> | undefined;
}

export interface StaticModelInput {
  id: string;
  vectors: WordVectors;
  /** Texts the model must cover (the passages) and learn its common direction from. */
  passages: string[];
  lexicon: Lexicon;
  /** Words that carry nothing (French function words): their rows stay zero. */
  silentWords: Iterable<string>;
  /** How many of the most frequent general words to keep besides the corpus's own. */
  generalWords: number;
  /** SIF's smoothing constant: a word of probability p weighs a / (a + p). */
  sifA: number;
}

export type StaticModelFiles = Record<string, string | Uint8Array>;

const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"];

/**
 * Builds a sentence-embedding model that transformers.js loads like any BERT-shaped model:
 * a WordPiece tokenizer over whole words and an ONNX graph that only looks rows up (Gather).
 * Each row is a word vector times its SIF weight, minus the corpus's common direction, so the
 * pipeline's mean pooling yields a SIF sentence embedding (Arora et al., 2017). French words of
 * the lexicon get the mean vector of their English translations, so French questions land near
 * English passages. Rows are stored as int8 with a scale per row.
 */
export function buildStaticModel(input: StaticModelInput): StaticModelFiles {
  const { vectors, lexicon } = input;
  const dim = vectors.dimension;
  const rank = new Map<string, number>();
  const sourceWord = new Map<string, string>(); // folded token -> the most frequent vector word
  vectors.words.forEach((word, i) => {
    const folded = tokenize(word);
    if (folded.length !== 1 || sourceWord.has(folded[0]!)) return;
    sourceWord.set(folded[0]!, word);
    rank.set(folded[0]!, i + 1);
  });
  // Zipf's law turns a frequency rank into a probability.
  const harmonic = Math.log(vectors.words.length) + 0.5772;
  const sif = (token: string) => input.sifA / (input.sifA + 1 / ((rank.get(token) ?? vectors.words.length) * harmonic));
  const weighted = (token: string): Float64Array | undefined => {
    const word = sourceWord.get(token);
    const v = word ? vectors.vector(word) : undefined;
    if (!v) return undefined;
    const w = sif(token);
    return Float64Array.from({ length: dim }, (_, i) => v[i]! * w);
  };

  const rows = new Map<string, Float64Array>();
  const corpusTokens = new Set(input.passages.flatMap((p) => tokenize(p)));
  let general = 0;
  for (const token of sourceWord.keys()) {
    if (general >= input.generalWords) break;
    if (/^\p{L}+$/u.test(token)) general++;
    else continue;
    rows.set(token, weighted(token)!);
  }
  for (const token of corpusTokens) {
    const row = weighted(token);
    if (row) rows.set(token, row);
  }
  for (const [form, english] of lexicon.french) {
    if (form.includes(" ") || english.includes(form)) continue;
    const translations = english.flatMap((e) => weighted(e) ?? []);
    if (translations.length === 0) continue;
    rows.set(form, Float64Array.from({ length: dim }, (_, i) => translations.reduce((s, t) => s + t[i]!, 0) / translations.length));
  }
  for (const word of input.silentWords) rows.set(word, new Float64Array(dim));

  const vocabulary = [...rows.keys()].sort();
  const common = firstPrincipalComponent(input.passages.map((p) => meanRow(tokenize(p), rows, dim)).filter((v) => v !== undefined));
  const table = vocabulary.map((token) => removeComponent(rows.get(token)!, common));

  return {
    "config.json": JSON.stringify({ model_type: "bert", architectures: ["BertModel"], hidden_size: dim, vocab_size: SPECIAL_TOKENS.length + vocabulary.length, _name_or_path: input.id }, null, 2) + "\n",
    "tokenizer.json": JSON.stringify(tokenizerJson([...SPECIAL_TOKENS, ...vocabulary])),
    "tokenizer_config.json": JSON.stringify({ tokenizer_class: "BertTokenizer", do_lower_case: true, model_max_length: 512, pad_token: "[PAD]", unk_token: "[UNK]", cls_token: "[CLS]", sep_token: "[SEP]" }, null, 2) + "\n",
    "onnx/model_quantized.onnx": onnxGather([...SPECIAL_TOKENS.map(() => new Float64Array(dim)), ...table], dim, input.id),
  };
}

function meanRow(tokens: string[], rows: Map<string, Float64Array>, dim: number): Float64Array | undefined {
  const sum = new Float64Array(dim);
  let n = 0;
  for (const t of tokens) {
    const row = rows.get(t);
    if (!row) continue;
    for (let i = 0; i < dim; i++) sum[i]! += row[i]!;
    n++;
  }
  return n ? sum.map((x) => x / n) : undefined;
}

/** First principal component (uncentred, as in SIF) by power iteration from a fixed start. */
function firstPrincipalComponent(samples: Float64Array[]): Float64Array {
  const dim = samples[0]?.length ?? 0;
  let u = new Float64Array(dim).fill(1 / Math.sqrt(dim || 1));
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = new Float64Array(dim);
    for (const x of samples) {
      let dot = 0;
      for (let i = 0; i < dim; i++) dot += x[i]! * u[i]!;
      for (let i = 0; i < dim; i++) next[i]! += dot * x[i]!;
    }
    const norm = Math.hypot(...next);
    if (norm === 0) return u;
    u = next.map((x) => x / norm);
  }
  return u;
}

function removeComponent(row: Float64Array, u: Float64Array): Float64Array {
  let dot = 0;
  for (let i = 0; i < row.length; i++) dot += row[i]! * u[i]!;
  return row.map((x, i) => x - dot * u[i]!);
}

function tokenizerJson(vocabulary: string[]) {
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: { type: "BertProcessing", sep: ["[SEP]", 3], cls: ["[CLS]", 2] },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab: Object.fromEntries(vocabulary.map((t, i) => [t, i])) },
  };
}

/** ONNX graph: last_hidden_state = float(table[input_ids]) * scale[input_ids]. */
function onnxGather(rows: Float64Array[], dim: number, id: string): Uint8Array {
  const quantized = new Int8Array(rows.length * dim);
  const scales = new Float32Array(rows.length);
  rows.forEach((row, r) => {
    const max = row.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    const scale = max > 0 ? max / 127 : 1;
    scales[r] = scale;
    row.forEach((x, i) => (quantized[r * dim + i] = Math.round(x / scale)));
  });
  const dims = (names: Array<string | number>) => names.map((n) => (typeof n === "string" ? { dimParam: n } : { dimValue: n }));
  const tensorInput = (name: string, elemType: number, shape: Array<string | number>) => ({ name, type: { tensorType: { elemType, shape: { dim: dims(shape) } } } });
  const INT64 = onnx.TensorProto.DataType.INT64;
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: "", version: 13 }],
    producerName: "relais build:model",
    docString: `${id}: static word vectors with SIF weights folded in; mean pooling gives sentence embeddings.`,
    graph: {
      name: "static_embeddings",
      initializer: [
        { name: "table", dims: [rows.length, dim], dataType: onnx.TensorProto.DataType.INT8, rawData: new Uint8Array(quantized.buffer) },
        { name: "scales", dims: [rows.length, 1], dataType: FLOAT, rawData: new Uint8Array(scales.buffer) },
      ],
      node: [
        { opType: "Gather", input: ["table", "input_ids"], output: ["rows_q"], attribute: [{ name: "axis", i: 0, type: onnx.AttributeProto.AttributeType.INT }] },
        { opType: "Cast", input: ["rows_q"], output: ["rows_f"], attribute: [{ name: "to", i: FLOAT, type: onnx.AttributeProto.AttributeType.INT }] },
        { opType: "Gather", input: ["scales", "input_ids"], output: ["row_scales"], attribute: [{ name: "axis", i: 0, type: onnx.AttributeProto.AttributeType.INT }] },
        { opType: "Mul", input: ["rows_f", "row_scales"], output: ["last_hidden_state"] },
      ],
      // transformers.js feeds BERT models all three inputs; the graph reads only input_ids.
      input: [
        tensorInput("input_ids", INT64, ["batch_size", "sequence_length"]),
        tensorInput("attention_mask", INT64, ["batch_size", "sequence_length"]),
        tensorInput("token_type_ids", INT64, ["batch_size", "sequence_length"]),
      ],
      output: [tensorInput("last_hidden_state", FLOAT, ["batch_size", "sequence_length", dim])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
