import type { Corpus } from "../corpus/index.js";
import { type ChatConfig, loadPrompt } from "../llm/index.js";
import type { Language, RetrievedPassage } from "../retrieval/index.js";
import type { AnswerDraft } from "./compose.js";
import type { SentenceReader } from "./verify.js";

/** An optional writer that rephrases the offline draft; undefined means "keep the draft". */
export interface Generator {
  generate(question: string, lang: Language, passages: RetrievedPassage[], draft: AnswerDraft, corpus: Corpus): Promise<AnswerDraft | undefined>;
}

/**
 * The generator of a configured chat endpoint, or none without one. LangChain's runnables are
 * loaded only then: a bot without an endpoint never pays for them.
 */
export async function createGenerator(config: ChatConfig | undefined, log: (message: string) => void, reader: SentenceReader): Promise<Generator | undefined> {
  if (!config) return undefined;
  loadPrompt("answer"); // a broken template stops the start, not the first answer
  const { ChatGenerator } = await import("./llm.js");
  return new ChatGenerator(config, log, reader);
}
