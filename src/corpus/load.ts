import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fromPackageRoot } from "../package-root.js";
import type { z } from "zod";
import { sha256 } from "./build.js";
import { TRANSLATED_LANGUAGES, type TranslatedLanguage } from "./languages.js";
import { CatalogueSchema, type Catalogue, ManifestSchema, type Manifest, type Passage, PassageSchema, type Report } from "./schema.js";
import { loadQuestionBank, type QuestionBank } from "./question-bank.js";
import { type HeadingTranslations, headingsPath, headingTranslationsIn } from "./heading-translations.js";
import { type AlignedSentence, alignSentences, checkTranslations, parseTranslations, type Translation } from "./translations.js";

export const DEFAULT_CORPUS_DIR = fromPackageRoot("corpus");
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
  /** Per translated language, per passage id: the passage sentence by sentence. */
  translations: Map<TranslatedLanguage, Map<string, Translation>>;
  /** Per passage id: its sentences, each with its translations (what answers quote). */
  sentences: Map<string, AlignedSentence[]>;
  /** Per translated language: each heading of the reports, translated. */
  headings: Map<TranslatedLanguage, HeadingTranslations>;
  /** sha256 of each language's translation files read (passages, then headings): the index records them to detect a stale index. */
  translationSha256: Partial<Record<TranslatedLanguage, string>>;
  /** The questions each sentence answers (read with the translations, whose sentences it numbers). */
  bank?: QuestionBank;
}

export interface LoadOptions {
  /** Read corpus/translations/ too (default); off for the tool that checks a translation file. */
  translations?: boolean;
  /** Read the question bank too (default: with the translations, whose sentences it numbers); off for the tool that checks it. */
  bank?: boolean;
}

const RETRANSLATE = "Fix the line it names (the reports' sentences must stay as they are), or restore the file with `git checkout -- corpus/translations/`; `npm run translate -- --missing` drafts what is missing.";

const RETRANSLATE_HEADINGS = "Add or fix the heading's line ({\"en\": the heading as the report writes it, and its translation), or restore the file with `git checkout -- corpus/translations/`.";

export function loadCatalogue(path = join(DEFAULT_SOURCES_DIR, "catalogue.json")): Catalogue {
  return parseFile(path, CatalogueSchema, readJson(path, "Restore it from git: `git checkout -- " + path + "`."), "Fix the entry it names.");
}

/** Reads and validates corpus/manifest.json and corpus/passages.jsonl. */
export function loadCorpus(dir = DEFAULT_CORPUS_DIR, options: LoadOptions = {}): Corpus {
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
  const translations = new Map<TranslatedLanguage, Map<string, Translation>>();
  const headings = new Map<TranslatedLanguage, HeadingTranslations>();
  const translationSha256: Corpus["translationSha256"] = {};
  if (options.translations ?? true) {
    for (const lang of TRANSLATED_LANGUAGES) {
      const path = translationPath(dir, lang);
      const text = readText(path, RETRANSLATE);
      const parsed = parseTranslations(text, lang, path);
      if (parsed.errors.length) throw new CorpusError(`${parsed.errors[0]}. ${RETRANSLATE}`);
      const problem = checkTranslations(lang, passages, parsed.translations)[0];
      if (problem) throw new CorpusError(`${path}: passage ${problem.passageId} ${problem.problem}. ${RETRANSLATE}`);
      translations.set(lang, new Map(parsed.translations.map((t) => [t.passageId, t])));
      const headingsFile = headingsPath(join(dir, "translations"), lang);
      const headingsText = readText(headingsFile, RETRANSLATE_HEADINGS);
      const read = headingTranslationsIn(headingsText, lang, headingsFile, passages);
      if (read.problems[0]) throw new CorpusError(`${read.problems[0]}. ${RETRANSLATE_HEADINGS}`);
      headings.set(lang, read.headings);
      translationSha256[lang] = sha256(`${text}\n${headingsText}`);
    }
  }
  const sentences = new Map(passages.map((p) => [p.id, alignSentences(p, translations)]));
  const bank = (options.bank ?? options.translations ?? true) ? loadQuestionBank(dir) : undefined;
  return { manifest, passages, passageById: new Map(passages.map((p) => [p.id, p])), reportById, translations, headings, sentences, translationSha256, ...(bank ? { bank } : {}) };
}

export function translationPath(dir: string, lang: TranslatedLanguage): string {
  return join(dir, "translations", `${lang}.jsonl`);
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
