import type { Language } from "../../retrieval/index.js";
import { en } from "./en.js";
import { fr } from "./fr.js";
import type { BotMessages } from "./messages.js";

export type { BotMessages } from "./messages.js";
export { GROUP_HELLO, OTHER_LANGUAGE_REPLY } from "./messages.js";

const MESSAGES: Record<Language, BotMessages> = { fr, en };

export function messagesFor(lang: Language): BotMessages {
  return MESSAGES[lang];
}
