import { z } from "zod";
import { DataFileError, displayPath, readDataText } from "../data-file.js";
import { type Endpoint, EndpointError, postForJson } from "./endpoint.js";

/**
 * The optional OpenAI-compatible chat endpoint (Ollama, llama.cpp server, vLLM, a hosted API):
 * its configuration, and one bounded call. Used by the answer stage's generator and by
 * `npm run translate`; nothing here knows what is asked.
 */
export interface ChatConfig extends Endpoint {
  /** LLM_MODEL. */
  model: string;
}

/** A reply longer than this is refused unread: no answer or translation needs more. */
export const MAX_REPLY_BYTES = 256 * 1024;

const ChatCompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

/** The endpoint refused, failed, timed out or replied out of shape; the message says which. */
export class ChatError extends Error {
  override name = "ChatError";
}

/** One chat completion, JSON mode, temperature 0, bounded in time and size; its text content. */
export async function complete(config: ChatConfig, messages: ChatMessage[]): Promise<string> {
  const body = JSON.stringify({ model: config.model, messages, temperature: 0, response_format: { type: "json_object" } });
  try {
    const reply = await postForJson(config, "chat/completions", { body, headers: { "content-type": "application/json" } }, MAX_REPLY_BYTES, ChatCompletionSchema, '{"choices": [{"message": {"content": "..."}}]}');
    return reply.choices[0]!.message.content;
  } catch (error) {
    throw error instanceof EndpointError ? new ChatError(error.message) : error;
  }
}

/** The prompt templates (prompts/<name>.system.md and .user.md) and the variables each must use. */
export const PROMPT_VARIABLES = {
  answer: ["language", "question", "passages"],
  translate: ["language", "count", "sentences"],
  bank: ["section", "passage", "sentence"],
} as const;
export type PromptName = keyof typeof PROMPT_VARIABLES;

const PROMPTS_DIR = new URL("../../prompts/", import.meta.url);
const loadedPrompts = new Map<PromptName, { system: string; user: string }>();

/**
 * A prompt's two templates, checked once: present, not blank, and using every variable the
 * code fills (a template that lost {{passages}} would send the model nothing to quote).
 */
export function loadPrompt(name: PromptName, dir: URL = PROMPTS_DIR): { system: string; user: string } {
  const loaded = dir === PROMPTS_DIR ? loadedPrompts.get(name) : undefined;
  if (loaded) return loaded;
  const fix = `Restore it with git checkout -- prompts/, or edit it keeping ${PROMPT_VARIABLES[name].map((v) => `{{${v}}}`).join(", ")}.`;
  const read = (part: "system" | "user") => {
    const path = new URL(`${name}.${part}.md`, dir);
    const parsed = z.string().trim().min(1, "it is empty").safeParse(readDataText(path, fix));
    if (!parsed.success) throw new DataFileError(`${displayPath(path)}: ${parsed.error.issues[0]!.message}. ${fix}`);
    return parsed.data;
  };
  const prompt = { system: read("system"), user: read("user") };
  const missing = PROMPT_VARIABLES[name].filter((v) => !`${prompt.system}\n${prompt.user}`.includes(`{{${v}}}`));
  if (missing.length) throw new DataFileError(`${displayPath(new URL(`${name}.user.md`, dir))} (or its .system.md) does not use ${missing.map((v) => `{{${v}}}`).join(", ")}. ${fix}`);
  if (dir === PROMPTS_DIR) loadedPrompts.set(name, prompt);
  return prompt;
}

/** A system + user prompt pair from the templates (mustache), as chat messages. */
export async function promptMessages(name: PromptName, values: Record<string, string>): Promise<ChatMessage[]> {
  const { system, user } = loadPrompt(name);
  const { ChatPromptTemplate } = await import("@langchain/core/prompts");
  const template = ChatPromptTemplate.fromMessages(
    [
      ["system", system],
      ["human", user],
    ],
    { templateFormat: "mustache" },
  );
  const messages = await template.formatMessages(values);
  return messages.map((m) => ({ role: m.getType() === "system" ? "system" : "user", content: String(m.content) }));
}

/** The model's JSON, without the Markdown fences some models add. */
export function stripFences(content: string): string {
  return content.trim().replace(/^```(?:json)?\s*/i, "").replace(/\s*```$/, "");
}
