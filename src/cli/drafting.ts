import { renameSync, writeFileSync } from "node:fs";
import { chatEndpoint, readConfig } from "../config.js";
import { type ChatConfig, loadPrompt, type PromptName } from "../llm/index.js";

/**
 * The chat endpoint a drafting command (translate, draft:bank) writes with, its prompt checked
 * once before any call; undefined, said in one line, when it is not configured or misconfigured.
 */
export function draftingEndpoint(env: NodeJS.ProcessEnv, prompt: PromptName, byHand: string, out: (line: string) => void): ChatConfig | undefined {
  let config: ChatConfig | undefined;
  try {
    config = chatEndpoint(readConfig(env, "tools"));
  } catch (error) {
    out(`The chat endpoint is misconfigured: ${(error as Error).message}`);
    return undefined;
  }
  if (!config) {
    out(`No chat endpoint is configured: set LLM_BASE_URL and LLM_MODEL to draft them by machine, or ${byHand}.`);
    return undefined;
  }
  loadPrompt(prompt); // a broken template is said once, before any call
  return config;
}

/** Writes a corpus file whole, then moves it into place: a crash never leaves half a file. */
export function replaceFile(path: string, lines: string[]): void {
  writeFileSync(`${path}.tmp`, lines.join("\n") + "\n");
  renameSync(`${path}.tmp`, path);
}
