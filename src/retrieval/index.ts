/** The retrieval stage: what later stages may use. */
export { PassageRetriever, RetrieverUnavailable, RETRIEVER_KINDS } from "./retriever.js";
export type { Retrieval, RetrievedPassage, RetrieveOptions, RetrieverKind, OpenOptions } from "./retriever.js";
export type { Concept } from "./query.js";
export { LANGUAGES, LanguageIdentifier } from "./language.js";
export type { Language, LanguageGuess } from "./language.js";
export { IndexError } from "./index-files.js";
