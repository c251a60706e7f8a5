import type { Corpus } from "../corpus/index.js";
import type { Language, RetrievedPassage } from "../retrieval/index.js";
import type { AnswerDraft } from "./compose.js";

/** An optional writer that rephrases the offline draft; undefined means "keep the draft". */
export interface Generator {
  generate(question: string, lang: Language, passages: RetrievedPassage[], draft: AnswerDraft, corpus: Corpus): Promise<AnswerDraft | undefined>;
}
