import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { parseJsonLines } from "../data-file.js";
import type { TranslatedLanguage } from "./languages.js";
import type { Passage } from "./schema.js";
import { missingNumbers, needsTranslation } from "./translations.js";

/**
 * corpus/translations/<lang>.headings.jsonl: one line per heading of the reports, `{"en", "<lang>"}`.
 * A translated answer names the section in its reader's language, and the translated index
 * searches the headings as the English index searches the reports' own.
 */
function headingLineSchema(lang: TranslatedLanguage) {
  return z.object({ en: z.string().min(1), [lang]: z.string().min(1) });
}

/** Heading (the reports' words) -> its translation. */
export type HeadingTranslations = ReadonlyMap<string, string>;

export function headingsPath(translationsDir: string, lang: TranslatedLanguage): string {
  return join(translationsDir, `${lang}.headings.jsonl`);
}

/** Parses a headings file; a line that cannot be read is named. */
function parseHeadingTranslations(text: string, lang: TranslatedLanguage, where: string): { headings: Map<string, string>; errors: string[] } {
  const { records, errors } = parseJsonLines(text, headingLineSchema(lang), where);
  return { headings: new Map(records.map((r) => [r.en, String((r as Record<string, unknown>)[lang])])), errors };
}

/** The headings of translated passages (bibliographies are not translated). */
function headingsToTranslate(passages: readonly Passage[]): string[] {
  return [...new Set(passages.filter(needsTranslation).flatMap((p) => p.section))];
}

/** What is wrong: a heading with no translation, a translation that drops one of its numbers. */
export function checkHeadingTranslations(lang: TranslatedLanguage, passages: readonly Passage[], headings: HeadingTranslations): string[] {
  return headingsToTranslate(passages).flatMap((heading) => {
    const translated = headings.get(heading);
    if (translated === undefined) return [`heading "${heading}" has no translation`];
    const missing = missingNumbers(heading, translated, lang);
    return missing.length ? [`heading "${heading}": its translation lacks ${missing.join(", ")}`] : [];
  });
}

/** A headings file's text (read from `path`), checked against the passages: its headings, and every problem phrased with the file's path (lines that cannot be read first). */
export function headingTranslationsIn(text: string, lang: TranslatedLanguage, path: string, passages: readonly Passage[]): { headings: Map<string, string>; problems: string[] } {
  const { headings, errors } = parseHeadingTranslations(text, lang, path);
  return { headings, problems: [...errors, ...checkHeadingTranslations(lang, passages, headings).map((problem) => `${path}: ${problem}`)] };
}

/** Reads a headings file and checks it against the passages: every problem, phrased with the file's path. */
export function headingProblems(path: string, lang: TranslatedLanguage, passages: readonly Passage[]): string[] {
  if (!existsSync(path)) return [`${path} is missing: restore it with \`git checkout -- ${path}\``];
  return headingTranslationsIn(readFileSync(path, "utf8"), lang, path, passages).problems;
}
