import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { sha256 } from "./build.js";
import { CatalogueSchema, type Catalogue, ManifestSchema, type Manifest, type Passage, PassageSchema, type Report } from "./schema.js";

export const DEFAULT_CORPUS_DIR = "corpus";
export const DEFAULT_SOURCES_DIR = join(DEFAULT_CORPUS_DIR, "sources");
const REBUILD = "Run `npm run build:corpus` to rebuild it.";

/** A problem with files on disk, phrased for the person who can fix it. */
export class CorpusError extends Error {
  override name = "CorpusError";
}

export interface Corpus {
  manifest: Manifest;
  passages: Passage[];
  passageById: Map<string, Passage>;
  reportById: Map<string, Report>;
}

export function loadCatalogue(sourcesDir = DEFAULT_SOURCES_DIR): Catalogue {
  const path = join(sourcesDir, "catalogue.json");
  return parseFile(path, CatalogueSchema, readJson(path, "Restore it from git: `git checkout -- " + path + "`."), "Fix the entry it names.");
}

/** Reads and validates corpus/manifest.json and corpus/passages.jsonl. */
export function loadCorpus(dir = DEFAULT_CORPUS_DIR): Corpus {
  const manifestPath = join(dir, "manifest.json");
  const manifest = parseFile(manifestPath, ManifestSchema, readJson(manifestPath, REBUILD), REBUILD);
  const passagesPath = join(dir, "passages.jsonl");
  const jsonl = readText(passagesPath, REBUILD);
  if (sha256(jsonl) !== manifest.passagesSha256) {
    throw new CorpusError(`${passagesPath} does not match ${manifestPath} (it was edited or half-written). ${REBUILD}`);
  }
  const passages = jsonl
    .split("\n")
    .filter(Boolean)
    .map((line, i) => parseFile(`${passagesPath} line ${i + 1}`, PassageSchema, parseJson(line, `${passagesPath} line ${i + 1}`, REBUILD), REBUILD));
  const reportById = new Map(manifest.reports.map((r) => [r.id, r]));
  for (const p of passages) {
    if (!reportById.has(p.docId)) throw new CorpusError(`${passagesPath}: passage ${p.id} names unknown report ${p.docId}. ${REBUILD}`);
  }
  return { manifest, passages, passageById: new Map(passages.map((p) => [p.id, p])), reportById };
}

function readText(path: string, fix: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : "cannot be read";
    throw new CorpusError(`${path} ${reason}. ${fix}`);
  }
}

function readJson(path: string, fix: string): unknown {
  return parseJson(readText(path, fix), path, fix);
}

function parseJson(text: string, where: string, fix: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CorpusError(`${where} is not valid JSON. ${fix}`);
  }
}

function parseFile<T extends z.ZodType>(where: string, schema: T, value: unknown, fix: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    const at = first?.path.length ? ` at ${first.path.join(".")}` : "";
    throw new CorpusError(`${where} is not in the expected shape${at}: ${first?.message}. ${fix}`);
  }
  return result.data;
}
