import type { Language, RetrievedPassage, RetrieverKind } from "../retrieval/index.js";
import type { Citation } from "./citation.js";
import type { Evidence } from "./compose.js";

export type AnswerKind = "card" | "extract" | "abstain" | "generated";

/** What every surface (terminal, JSON, Telegram) renders. */
export interface Answer {
  id?: string;
  question: string;
  /** Given earlier messages: whether this one leaned on them and was read with them (false: a new question). */
  readWithPrevious?: boolean;
  lang: Language;
  abstained: boolean;
  /** How it was made; the bot counts feedback per kind. */
  kind: AnswerKind;
  cardId?: string;
  /** What the user reads, with [n] markers for the citations. */
  text: string;
  citations: Citation[];
  passages: RetrievedPassage[];
  retriever: RetrieverKind;
  /** What the decision rested on (evaluation, logs); absent when a generator wrote the answer. */
  evidence?: Evidence;
  timings: { totalMs: number; retrievalMs: number; answerMs: number; generatorMs?: number };
}
