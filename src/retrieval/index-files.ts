import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { displayPath } from "../data-file.js";
import { fromPackageRoot } from "../package-root.js";
import { LANGUAGES, type Language } from "./language.js";

export const DEFAULT_INDEX_DIR = fromPackageRoot("index");
/** The dense store's files: the hnsw graph and the documents' metadata. */
export const VECTORS_FILE = "vectors.hnsw";
export const DOCUMENTS_FILE = "vectors.docs.json";
export const VECTOR_STORE_FILES = [VECTORS_FILE, DOCUMENTS_FILE];
export const REBUILD_INDEX = "Run `npm run build:index` to rebuild it.";

/** Raised whenever meta.json changes shape; 3 added the model's sha256. */
export const INDEX_SCHEMA_VERSION = 3;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const LexicalFileSchema = z.object({ file: z.string(), sha256: Sha256, documents: z.number().int().nonnegative() });

const IndexMetaSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  /** The corpus, translations and lexicon the index was built from: changing any makes it stale. */
  passagesSha256: Sha256,
  translationsSha256: z.record(z.string(), Sha256),
  lexiconSha256: Sha256,
  /** One lexical index per language: the reports' English, and each translation. */
  lexical: z.object(Object.fromEntries(LANGUAGES.map((l) => [l, LexicalFileSchema])) as Record<Language, typeof LexicalFileSchema>),
  dense: z
    .object({
      model: z.string().min(1),
      /** The model's tokenizer and weights (see TransformersEmbeddings): a rebuilt model under the same name is caught. */
      modelSha256: Sha256,
      dimension: z.number().int().positive(),
      passages: z.number().int().nonnegative(),
      /** The question bank's questions embedded by the same model (bank-vectors.ts). */
      bank: z
        .object({ file: z.string(), bankSha256: Sha256, questions: z.number().int().nonnegative(), sha256: Sha256, unrelated: z.number(), same: z.number() })
        .refine((b) => b.same > b.unrelated, "the bank's 'same' cosine must exceed its 'unrelated' one")
        .optional(),
    })
    .nullable(),
});
export type IndexMeta = z.infer<typeof IndexMetaSchema>;

/** A problem with index/ that a command fixes. */
export class IndexError extends Error {
  override name = "IndexError";
}

export function sha256Of(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The lexical index file of a language. */
export function lexicalFileName(lang: Language): string {
  return lang === "en" ? "lexical.json" : `lexical.${lang}.json`;
}

export function readIndexMeta(dir: string): IndexMeta {
  const path = join(dir, "meta.json");
  if (!existsSync(path)) throw new IndexError(`${displayPath(path)} is missing. ${REBUILD_INDEX}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new IndexError(`${displayPath(path)} is not valid JSON. ${REBUILD_INDEX}`);
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== INDEX_SCHEMA_VERSION) {
    throw new IndexError(`${displayPath(path)} is in index format ${String(version ?? "unknown")}; this version of Relais reads format ${INDEX_SCHEMA_VERSION}. ${REBUILD_INDEX}`);
  }
  const parsed = IndexMetaSchema.safeParse(json);
  if (!parsed.success) throw new IndexError(`${displayPath(path)} is not in the expected shape (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}). ${REBUILD_INDEX}`);
  return parsed.data;
}

/** Reads a language's lexical index file and checks it is the one meta.json describes. */
export function readLexicalFile(dir: string, meta: IndexMeta, lang: Language): string {
  const path = join(dir, meta.lexical[lang].file);
  if (!existsSync(path)) throw new IndexError(`${displayPath(path)} is missing. ${REBUILD_INDEX}`);
  const text = readFileSync(path, "utf8");
  if (sha256Of(text) !== meta.lexical[lang].sha256) throw new IndexError(`${displayPath(path)} is damaged (its checksum differs from meta.json). ${REBUILD_INDEX}`);
  return text;
}

export function writeIndexFiles(dir: string, meta: IndexMeta, lexicalJson: Record<Language, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const lang of LANGUAGES) writeFileSync(join(dir, meta.lexical[lang].file), lexicalJson[lang]);
  writeFileSync(join(dir, "meta.json"), JSON.stringify(meta, null, 2) + "\n");
}
