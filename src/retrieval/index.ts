/** The retrieval stage: what later stages may use. */
export { PassageRetriever, RetrieverUnavailable, RETRIEVER_KINDS } from "./retriever.js";
export type { Retrieval, RetrievedPassage, RetrieveOptions, RetrieverKind, TermSource } from "./retriever.js";
export type { OpenOptions, DensePath } from "./open.js";
export type { Concept } from "./query.js";
export type { BankMatch } from "./bank-index.js";
export { LANGUAGES, LanguageIdentifier } from "./language.js";
export type { Language, LanguageGuess } from "./language.js";
export { IndexError, DEFAULT_INDEX_DIR } from "./index-files.js";
export { isDemonym, tokenize, loadLexicon } from "./lexicon.js";
export { lawYearsIn } from "./law-numbers.js";
export type { Lexicon } from "./lexicon.js";
export { FRENCH_FUNCTION_WORDS, ENGLISH_FUNCTION_WORDS, isLightWord, isStopword } from "./analyzer.js";
export { asksDefinition, asksNothing, CONSEQUENCE, followsAStory, GREETING_WORDS, isTopicWord, leansOnPrevious, onlyGreets, pointsBackInWords, POLITE_WORDS } from "./leaning.js";

// Building the index (npm run build:index, bench) and finding its embedding model.
export { buildIndex } from "./build-index.js";
export { bankQuestions } from "./bank-vectors.js";
export { resolveModel, DEFAULT_MODEL_ID } from "./model-resolution.js";

// Types only, erased at run time. The dense path (dense.ts, vector-store.ts, embeddings.ts,
// use-embeddings.ts, static-model.ts) is never exported here: it is loaded by dynamic import
// where it is used, so that a lexical run never loads hnswlib-node, @xenova/transformers,
// @langchain/core or onnx-proto (a devDependency).
export type { UniversalSentenceEncoderEmbeddings } from "./use-embeddings.js";
export type { WordVectors } from "./static-model.js";
