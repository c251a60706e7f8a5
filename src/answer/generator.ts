import type { Corpus } from "../corpus/index.js";
import { chatConfigFrom } from "../llm/chat.js";
import type { Language, RetrievedPassage } from "../retrieval/index.js";
import type { AnswerDraft } from "./compose.js";

/** An optional writer that rephrases the offline draft; undefined means "keep the draft". */
export interface Generator {
  generate(question: string, lang: Language, passages: RetrievedPassage[], draft: AnswerDraft, corpus: Corpus): Promise<AnswerDraft | undefined>;
}

/**
 * The generator the environment asks for (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY), or none.
 * LangChain's runnables are loaded only then: a bot without an endpoint never pays for them.
 */
export async function createGeneratorFromEnv(env: NodeJS.ProcessEnv, log: (message: string) => void): Promise<Generator | undefined> {
  const { config, problem } = chatConfigFrom(env);
  if (problem) log(`generator off: ${problem}`);
  if (!config) return undefined;
  const { ChatGenerator } = await import("./llm.js");
  return new ChatGenerator(config, log);
}
