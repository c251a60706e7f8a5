/** The evaluation: question sets, how answers and retrieval are scored, and tables. */
export { readGold, parseGold, checkGoldQuestion, loadGoldSources, holdsAnySupport, passageHoldsQuote } from "./gold.js";
export type { GoldQuestion, GoldSources } from "./gold.js";
export { questionPart } from "./split.js";
export type { QuestionPart } from "./split.js";
export { scoreAnswer, summarizeAnswers, confusion, failureOf } from "./answer-eval.js";
export type { AnswerOutcome } from "./answer-eval.js";
export { scoreRetrieval, summarizeRetrieval } from "./retrieval-eval.js";
export type { RetrievalOutcome } from "./retrieval-eval.js";
export { byLanguage, groupedBy, reportOf } from "./breakdown.js";
export type { ReportOfFile } from "./breakdown.js";
export { formatTable, formatMarkdownTable, median, percentile } from "./metrics.js";
