import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

export const DEFAULT_INDEX_DIR = "index";
export const REBUILD_INDEX = "Run `npm run build:index` to rebuild it.";

export const IndexMetaSchema = z.object({
  schemaVersion: z.literal(1),
  /** The corpus and lexicon the index was built from: either changing makes it stale. */
  passagesSha256: z.string().regex(/^[0-9a-f]{64}$/),
  lexiconSha256: z.string().regex(/^[0-9a-f]{64}$/),
  lexical: z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), passages: z.number().int().nonnegative() }),
  dense: z
    .object({
      model: z.string().min(1),
      dimension: z.number().int().positive(),
      passages: z.number().int().nonnegative(),
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

export function readIndexMeta(dir: string): IndexMeta {
  const path = join(dir, "meta.json");
  if (!existsSync(path)) throw new IndexError(`${path} is missing. ${REBUILD_INDEX}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new IndexError(`${path} is not valid JSON. ${REBUILD_INDEX}`);
  }
  const parsed = IndexMetaSchema.safeParse(json);
  if (!parsed.success) throw new IndexError(`${path} is not in the expected shape (${parsed.error.issues[0]?.message}). ${REBUILD_INDEX}`);
  return parsed.data;
}

/** Reads the lexical index file and checks it is the one meta.json describes. */
export function readLexicalFile(dir: string, meta: IndexMeta): string {
  const path = join(dir, meta.lexical.file);
  if (!existsSync(path)) throw new IndexError(`${path} is missing. ${REBUILD_INDEX}`);
  const text = readFileSync(path, "utf8");
  if (sha256Of(text) !== meta.lexical.sha256) throw new IndexError(`${path} is damaged (its checksum differs from meta.json). ${REBUILD_INDEX}`);
  return text;
}

export function writeIndexFiles(dir: string, meta: IndexMeta, lexicalJson: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, meta.lexical.file), lexicalJson);
  writeFileSync(join(dir, "meta.json"), JSON.stringify(meta, null, 2) + "\n");
}
