/** The chat endpoint (any OpenAI-compatible server): what the corpus, answer and voice stages may use. */
export { complete, promptMessages, loadPrompt, stripFences, ChatError } from "./chat.js";
export type { ChatConfig } from "./chat.js";

// Replies read with a size cap, so a broken or hostile endpoint cannot fill the memory.
export { readCappedText, ReplyTooLarge } from "./capped-reply.js";
