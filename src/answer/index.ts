/** The answer stage: what the surfaces (CLI, bot) may use. */
export { Answerer, MAX_QUESTION_CHARS } from "./answerer.js";
export type { AskOptions } from "./answerer.js";
export type { Answer, AnswerKind } from "./answer.js";
export { citeSentences } from "./citation.js";
export type { Citation, SentenceRange } from "./citation.js";
export { renderPlainText, sourceLine, locate, toContract } from "./render.js";
export { FactCardError } from "./fact-cards.js";
