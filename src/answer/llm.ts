import { readFileSync } from "node:fs";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { RunnableLambda, type Runnable } from "@langchain/core/runnables";
import { z } from "zod";
import type { Corpus, Passage } from "../corpus/index.js";
import { type Language, type RetrievedPassage } from "../retrieval/index.js";
import { type Citation, citeSentences, type SentenceRange } from "./citation.js";
import type { AnswerDraft } from "./compose.js";
import type { Generator } from "./generator.js";

const PROMPTS = new URL("../../prompts/", import.meta.url);

export const LlmConfigSchema = z.object({
  LLM_BASE_URL: z.string().url("LLM_BASE_URL must be a URL such as http://localhost:11434/v1"),
  LLM_MODEL: z.string().min(1, "LLM_MODEL names the model to ask, e.g. llama3.1"),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(8_000),
});
export type LlmConfig = z.infer<typeof LlmConfigSchema>;

/** What the model must return: sentences, each citing passage numbers. */
export const GeneratedAnswerSchema = z.object({
  sentences: z.array(z.object({ text: z.string().min(1).max(600), citations: z.array(z.number().int()).min(1) })).max(8),
});

const ChatCompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const LANGUAGE_NAMES: Record<Language, string> = { fr: "French", en: "English" };

/**
 * The optional generator: an OpenAI-compatible chat endpoint (Ollama, llama.cpp server, vLLM,
 * a hosted API) driven by @langchain/core runnables and the templates in prompts/. Its output is
 * parsed by zod; a sentence citing a passage that was not retrieved is dropped; an error, a
 * timeout or malformed output keeps the offline answer.
 */
export class ChatGenerator implements Generator {
  private readonly chain: Runnable<{ language: string; question: string; passages: string }, z.infer<typeof GeneratedAnswerSchema>>;

  constructor(
    private readonly config: LlmConfig,
    private readonly log: (message: string) => void = () => {},
  ) {
    const prompt = ChatPromptTemplate.fromMessages(
      [
        ["system", readFileSync(new URL("answer.system.md", PROMPTS), "utf8")],
        ["human", readFileSync(new URL("answer.user.md", PROMPTS), "utf8")],
      ],
      { templateFormat: "mustache" },
    );
    const callChat = RunnableLambda.from(async (value: { toChatMessages(): Array<{ content: unknown; getType(): string }> }) => {
      const messages = value.toChatMessages().map((m) => ({ role: m.getType() === "system" ? "system" : "user", content: String(m.content) }));
      return this.post(messages);
    });
    const parse = RunnableLambda.from((content: string) => GeneratedAnswerSchema.parse(JSON.parse(stripFences(content))));
    this.chain = prompt.pipe(callChat).pipe(parse);
  }

  private async post(messages: Array<{ role: string; content: string }>): Promise<string> {
    const response = await fetch(new URL("chat/completions", this.config.LLM_BASE_URL.replace(/\/?$/, "/")), {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.config.LLM_API_KEY ? { authorization: `Bearer ${this.config.LLM_API_KEY}` } : {}) },
      body: JSON.stringify({ model: this.config.LLM_MODEL, messages, temperature: 0, response_format: { type: "json_object" } }),
      signal: AbortSignal.timeout(this.config.LLM_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`the endpoint answered HTTP ${response.status}`);
    return ChatCompletionSchema.parse(await response.json()).choices[0]!.message.content;
  }

  async generate(question: string, lang: Language, passages: RetrievedPassage[], draft: AnswerDraft, corpus: Corpus): Promise<AnswerDraft | undefined> {
    if (draft.kind === "card") return undefined; // a curated card is already written for people
    let generated: z.infer<typeof GeneratedAnswerSchema>;
    try {
      generated = await this.chain.invoke({ language: LANGUAGE_NAMES[lang], question, passages: formatPassages(passages) });
    } catch (error) {
      this.log(`generator: keeping the offline answer (${describe(error)})`);
      return undefined;
    }
    const kept = generated.sentences.filter((s) => s.citations.every((n) => n >= 1 && n <= passages.length));
    if (kept.length < generated.sentences.length) this.log(`generator: dropped ${generated.sentences.length - kept.length} sentence(s) citing passages that were not retrieved`);
    if (kept.length === 0) return undefined;

    const markers = new Map<number, Citation>(); // passage number -> citation
    const text = kept
      .map((sentence) => {
        const refs = sentence.citations.map((n) => {
          if (!markers.has(n)) {
            const passage = passages[n - 1]!.passage;
            markers.set(n, citeSentences(corpus, passage, markers.size + 1, closestSentence(corpus, passage, sentence.text)));
          }
          return `[${markers.get(n)!.marker}]`;
        });
        return `${sentence.text.trim()} ${[...new Set(refs)].join("")}`;
      })
      .join(" ");
    return { kind: "generated", abstained: false, text, citations: [...markers.values()] };
  }
}

export function createGeneratorFromEnv(env: NodeJS.ProcessEnv, log: (message: string) => void): Generator | undefined {
  if (!env.LLM_BASE_URL) return undefined;
  const parsed = LlmConfigSchema.safeParse(env);
  if (!parsed.success) {
    log(`generator off: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    return undefined;
  }
  return new ChatGenerator(parsed.data, log);
}

/** Passages as numbered, fenced data: the model quotes from them, it does not obey them. */
function formatPassages(passages: RetrievedPassage[]): string {
  return passages.map((p, i) => `<passage number="${i + 1}">\n${p.passage.text.replace(/<\/?passage[^>]*>/gi, "")}\n</passage>`).join("\n");
}

function stripFences(content: string): string {
  return content.trim().replace(/^```(?:json)?\s*/i, "").replace(/\s*```$/, "");
}

/** The passage sentence sharing most words with a generated sentence: the words to quote. */
function closestSentence(corpus: Corpus, passage: Passage, generated: string): SentenceRange {
  const words = new Set(generated.toLowerCase().match(/\p{L}{3,}|\d+/gu) ?? []);
  let best = { score: -1, range: { from: 0, to: 1 } };
  (corpus.sentences.get(passage.id) ?? []).forEach((sentence, i) => {
    const score = (sentence.text.toLowerCase().match(/\p{L}{3,}|\d+/gu) ?? []).filter((w) => words.has(w)).length;
    if (score > best.score) best = { score, range: { from: i, to: i + 1 } };
  });
  return best.range;
}

function describe(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timed out";
  if (error instanceof SyntaxError) return "the reply was not JSON";
  if (error instanceof z.ZodError) return "the reply did not have the expected shape";
  return error instanceof Error ? error.message : String(error);
}
