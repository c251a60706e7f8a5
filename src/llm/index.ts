/** The chat endpoint (any OpenAI-compatible server): what the corpus, answer and voice stages may use. */
export { complete, promptMessages, loadPrompt, stripFences, ChatError } from "./chat.js";
export type { ChatConfig, PromptName } from "./chat.js";

// One bounded JSON call to an OpenAI-compatible endpoint (the chat, and voice's transcription):
// replies read with a size cap, so a broken or hostile endpoint cannot fill the memory.
export { postForJson, EndpointError } from "./endpoint.js";
export { readCappedBytes, ReplyTooLarge } from "./capped-reply.js";
export type { Endpoint } from "./endpoint.js";
