/** The answer stage: what the surfaces (CLI, bot) may use. */
export { Answerer, MAX_QUESTION_CHARS } from "./answerer.js";
export type { AskOptions } from "./answerer.js";
export type { Answer, AnswerKind } from "./answer.js";
export { citeSentences } from "./citation.js";
export type { Citation, SentenceRange } from "./citation.js";
export { renderPlainText, sourceLine, locate, toContract } from "./render.js";
export { shownQuote } from "./wording.js";
export { FactCardError, loadFactCards } from "./fact-cards.js";

// The optional writer of a configured chat endpoint. Its class (llm.ts) is not exported here:
// createGenerator loads it, and LangChain's runnables with it, only when an endpoint is set.
export { createGenerator } from "./generator.js";

// The two fitted models and their fitting, for npm run train:answers.
export { ABSTENTION_FEATURE_NAMES, ABSTENTION_MODEL_PATH, answerProbability, bestThreshold } from "./abstention.js";
export type { AbstentionFeatures, AbstentionModel } from "./abstention.js";
export { WINDOW_FEATURE_NAMES, WINDOW_MODEL_PATH, windowLogOdds } from "./window-ranking.js";
export type { WindowFeatures, WindowModel } from "./window-ranking.js";
export type { ScoredWindow } from "./selection.js";
export { fitLogistic } from "./logistic.js";

// How the answer stage weighs a question's concepts (which words it does not know), for npm run lexicon:gaps.
export { weighConcepts } from "./evidence.js";
export type { FitOptions } from "./logistic.js";
