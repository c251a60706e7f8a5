import type { Corpus } from "../corpus/index.js";
import { chatConfigFrom, loadPrompt } from "../llm/chat.js";
import type { Language, RetrievedPassage } from "../retrieval/index.js";
import type { AnswerDraft } from "./compose.js";
import type { SentenceReader } from "./verify.js";

/** An optional writer that rephrases the offline draft; undefined means "keep the draft". */
export interface Generator {
  generate(question: string, lang: Language, passages: RetrievedPassage[], draft: AnswerDraft, corpus: Corpus): Promise<AnswerDraft | undefined>;
}

/**
 * The generator the environment asks for (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY), or none.
 * LangChain's runnables are loaded only then: a bot without an endpoint never pays for them.
 */
export async function createGeneratorFromEnv(env: NodeJS.ProcessEnv, log: (message: string) => void, reader?: SentenceReader): Promise<Generator | undefined> {
  const { config, problem } = chatConfigFrom(env);
  if (problem) log(`generator off: ${problem}`);
  if (!config) return undefined;
  loadPrompt("answer"); // a broken template stops the start, not the first answer
  const { ChatGenerator } = await import("./llm.js");
  return new ChatGenerator(config, log, reader);
}
