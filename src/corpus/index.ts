/** The corpus stage: what later stages may use. */
export { loadCorpus, CorpusError, DEFAULT_CORPUS_DIR } from "./load.js";
export type { Corpus } from "./load.js";
export type { Passage, Report, Manifest, PassageKind } from "./schema.js";
export { foldForMatch, sentenceSpans, countWords } from "./text.js";
