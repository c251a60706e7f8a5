/** The corpus stage: what later stages may use. */
export { loadCorpus, loadCatalogue, CorpusError, DEFAULT_CORPUS_DIR, DEFAULT_SOURCES_DIR, translationPath } from "./load.js";
export type { Corpus, LoadOptions } from "./load.js";
export type { Passage, Report, Manifest, PassageKind } from "./schema.js";
export { passageId, passageOrder } from "./schema.js";
export { foldForMatch, stripAccents, countWords, wordTokens, shingles, overlapRatio } from "./text.js";
export { LANGUAGES, REPORT_LANGUAGE, TRANSLATED_LANGUAGES, DEFAULT_LANGUAGE, isLanguage } from "./languages.js";
export type { Language, TranslatedLanguage } from "./languages.js";
export type { AlignedSentence, Translation } from "./translations.js";
export { numbersIn } from "./translations.js";
export { BANK_MINIMUM, NAME_WITH_DIGIT, bankQuestionsOf, checkQuestionBank, questionBankPath, parseQuestionBank, bankLine, REGISTERS, parseSentenceKey, sentenceKey } from "./question-bank.js";
export type { BankLine, BankQuestion, BankQuestionOf, QuestionBank, Register } from "./question-bank.js";

// Building the corpus from the source reports, and its translations (npm run build:corpus,
// translate, check:translations).
export { buildCorpus } from "./build.js";
export type { SourceReport } from "./build.js";
export { checkTranslations, needsTranslation, parseTranslations, readTranslationFile, translationLine } from "./translations.js";
export { headingProblems, headingsPath } from "./heading-translations.js";
export { draftTranslation } from "./draft-translations.js";
export { draftBankLine } from "./draft-bank.js";
