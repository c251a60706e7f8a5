import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Corpus, sentenceKey } from "../corpus/index.js";
import { displayPath } from "../data-file.js";
import type { TransformersEmbeddings } from "./embeddings.js";
import { sha256Of } from "./index-files.js";

/** The bank questions' vectors, one float32 row per question, in the bank's order. */
export const BANK_VECTORS_FILE = "bank-vectors.f32";

/** What meta.json records of the bank's vectors. */
export interface BankVectorsMeta {
  file: string;
  /** sha256 of corpus/question-bank.jsonl when embedded: a changed bank leaves them stale. */
  bankSha256: string;
  questions: number;
  sha256: string;
  /** The model's cosine read as "unrelated" (0) and as "the same question" (1): see `meaningScale`. */
  unrelated: number;
  same: number;
}

/** Bank questions sampled to place the model's cosines on a scale (a few seconds at build time). */
const SCALE_SAMPLE = 400;

/** The questions embedded, in the order of their rows: every question of a line whose sentence exists. */
export function bankQuestions(corpus: Corpus): Array<{ key: string; text: string }> {
  return (corpus.bank?.lines ?? []).flatMap((line) =>
    corpus.sentences.get(line.passageId)?.[line.sentence] ? line.questions.map((q) => ({ key: sentenceKey(line.passageId, line.sentence), text: q.text })) : [],
  );
}

/**
 * Embeds every bank question as a query (a bank question stands for a person's question, so
 * it is compared with one as question to question) and writes the rows to `outDir`.
 */
export async function buildBankVectors(corpus: Corpus, embeddings: TransformersEmbeddings, outDir: string, onBatch?: (done: number) => void): Promise<BankVectorsMeta | undefined> {
  if (!corpus.bank) return undefined;
  const questions = bankQuestions(corpus);
  const rows = await embeddings.embedQueries(questions.map((q) => q.text), onBatch);
  const flat = new Float32Array(rows.length * embeddings.dimension);
  // A question with no word the model knows comes out as NaN (a zero vector normalised): it matches nothing.
  rows.forEach((row, i) => flat.set(row.every(Number.isFinite) ? row : row.map(() => 0), i * embeddings.dimension));
  const bytes = Buffer.from(flat.buffer);
  writeFileSync(join(outDir, BANK_VECTORS_FILE), bytes);
  const scale = meaningScale(flat, questions.map((q) => q.key), embeddings.dimension);
  return { file: BANK_VECTORS_FILE, bankSha256: corpus.bank.sha256, questions: questions.length, sha256: sha256Of(bytes), ...scale };
}

/**
 * Where the model's cosines sit, read from the bank itself, so that any model's closeness means
 * the same to the answer stage: "unrelated" is the median cosine of two bank questions taken at
 * random, "the same question" the 90th percentile of a question's closest rewording (another
 * question of its sentence). multilingual-e5-small: 0.81 and 0.95.
 */
function meaningScale(rows: Float32Array, keys: string[], dimension: number): { unrelated: number; same: number } {
  const dot = (a: number, b: number) => {
    let sum = 0;
    for (let j = 0; j < dimension; j++) sum += rows[a * dimension + j]! * rows[b * dimension + j]!;
    return sum;
  };
  const n = keys.length;
  const step = Math.max(1, Math.floor(n / SCALE_SAMPLE));
  const random: number[] = [];
  const rewording: number[] = [];
  for (let i = 0; i < n; i += step) {
    // A fixed stride far from i stands for a question taken at random (and keeps the build reproducible).
    random.push(dot(i, (i + Math.floor(n / 2) + 7 * i) % n));
    let best = Number.NEGATIVE_INFINITY;
    for (let k = Math.max(0, i - 20); k < Math.min(n, i + 20); k++) if (k !== i && keys[k] === keys[i]) best = Math.max(best, dot(i, k));
    if (Number.isFinite(best)) rewording.push(best);
  }
  const at = (values: number[], share: number) => values.sort((a, b) => a - b)[Math.floor(share * (values.length - 1))] ?? 0;
  return { unrelated: at(random, 0.5), same: at(rewording, 0.9) };
}

/**
 * The bank's questions as vectors: for a question's vector, the closest bank question of each
 * sentence by cosine (rows and queries are unit length, so a dot product).
 */
export class BankVectors {
  /** Each row's sentence, as an index into `sentences` (a question of a sentence follows the one before). */
  private readonly sentenceOfRow: Uint32Array;
  private readonly sentences: string[] = [];

  private constructor(
    private readonly rows: Float32Array,
    keys: string[],
    private readonly dimension: number,
    private readonly scale: { unrelated: number; same: number },
  ) {
    this.sentenceOfRow = new Uint32Array(keys.length);
    const index = new Map<string, number>();
    keys.forEach((key, row) => {
      let at = index.get(key);
      if (at === undefined) index.set(key, (at = this.sentences.push(key) - 1));
      this.sentenceOfRow[row] = at;
    });
  }

  /** The vectors build:index left, or why they cannot serve (the dense path then goes on without them). */
  static open(indexDir: string, meta: BankVectorsMeta | undefined, corpus: Corpus, dimension: number): BankVectors | { reason: string } {
    if (!meta) return { reason: `${displayPath(indexDir)}/ holds no vectors of the question bank` };
    const path = join(indexDir, meta.file);
    const rebuild = "run `npm run build:index` with the model to embed it again";
    if (!corpus.bank || corpus.bank.sha256 !== meta.bankSha256) return { reason: `${displayPath(path)} was embedded from another version of corpus/question-bank.jsonl: ${rebuild}` };
    if (!existsSync(path)) return { reason: `${displayPath(path)} is missing: ${rebuild}` };
    const bytes = readFileSync(path);
    const keys = bankQuestions(corpus).map((q) => q.key);
    if (sha256Of(bytes) !== meta.sha256 || bytes.byteLength !== keys.length * dimension * 4) return { reason: `${displayPath(path)} is damaged (its checksum or size differs from meta.json): ${rebuild}` };
    // Copied into an aligned buffer: a Buffer read from disk may start at any byte.
    const rows = new Float32Array(keys.length * dimension);
    rows.set(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
    return new BankVectors(rows, keys, dimension, { unrelated: meta.unrelated, same: meta.same });
  }

  /**
   * How close in meaning each sentence's closest bank question comes to the vector, 0 (no closer
   * than two questions taken at random) to 1 (as close as a rewording of the same question).
   */
  closeness(vector: number[]): Map<string, number> {
    const { rows, dimension, sentenceOfRow } = this;
    const { unrelated, same } = this.scale;
    const query = Float32Array.from(vector);
    const best = new Float64Array(this.sentences.length).fill(Number.NEGATIVE_INFINITY);
    const unrolled = dimension - (dimension % 4);
    for (let row = 0; row < sentenceOfRow.length; row++) {
      // Four sums at once: twice as fast in V8 as one (2.9 against 6.3 ms for 7,830 rows of 384).
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      const at = row * dimension;
      for (let j = 0; j < unrolled; j += 4) {
        d0 += query[j]! * rows[at + j]!;
        d1 += query[j + 1]! * rows[at + j + 1]!;
        d2 += query[j + 2]! * rows[at + j + 2]!;
        d3 += query[j + 3]! * rows[at + j + 3]!;
      }
      for (let j = unrolled; j < dimension; j++) d0 += query[j]! * rows[at + j]!;
      const dot = d0 + d1 + d2 + d3;
      const sentence = sentenceOfRow[row]!;
      if (dot > best[sentence]!) best[sentence] = dot;
    }
    const closeness = new Map<string, number>();
    this.sentences.forEach((key, i) => closeness.set(key, Math.min(1, Math.max(0, (best[i]! - unrelated) / (same - unrelated)))));
    return closeness;
  }
}
