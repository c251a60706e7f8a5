/** The retrieval stage: what later stages may use. */
export { PassageRetriever, RetrieverUnavailable, RETRIEVER_KINDS } from "./retriever.js";
export type { Retrieval, RetrievedPassage, RetrieveOptions, RetrieverKind, TermSource } from "./retriever.js";
export type { OpenOptions, DensePath } from "./open.js";
export type { Concept } from "./query.js";
export { LANGUAGES, LanguageIdentifier } from "./language.js";
export type { Language, LanguageGuess } from "./language.js";
export { IndexError } from "./index-files.js";
export { tokenize } from "./lexicon.js";
export { FRENCH_FUNCTION_WORDS, ENGLISH_FUNCTION_WORDS } from "./analyzer.js";
