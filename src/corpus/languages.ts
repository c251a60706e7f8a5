/**
 * The languages Relais reads and writes: the one place that lists them. The reports are in
 * English; every other language is a translation of the corpus (corpus/translations/<lang>.jsonl)
 * plus its phrases in the answer and bot locales. A third language is those files and one more
 * entry here.
 */
export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language of the reports themselves. */
export const REPORT_LANGUAGE = "en" satisfies Language;

/** Languages the corpus is translated into, each with its file under corpus/translations/. */
export const TRANSLATED_LANGUAGES = LANGUAGES.filter((l): l is Exclude<Language, typeof REPORT_LANGUAGE> => l !== REPORT_LANGUAGE);
export type TranslatedLanguage = (typeof TRANSLATED_LANGUAGES)[number];

/** The language used when nothing says which (most users read French). */
export const DEFAULT_LANGUAGE: Language = "fr";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
