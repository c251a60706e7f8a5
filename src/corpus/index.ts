/** The corpus stage: what later stages may use. */
export { loadCorpus, CorpusError, DEFAULT_CORPUS_DIR, translationPath } from "./load.js";
export type { Corpus, LoadOptions } from "./load.js";
export type { Passage, Report, Manifest, PassageKind } from "./schema.js";
export { foldForMatch, countWords, wordTokens } from "./text.js";
export { LANGUAGES, REPORT_LANGUAGE, TRANSLATED_LANGUAGES, DEFAULT_LANGUAGE, isLanguage } from "./languages.js";
export type { Language, TranslatedLanguage } from "./languages.js";
export type { AlignedSentence, Translation } from "./translations.js";
