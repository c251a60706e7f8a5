import { InlineKeyboard } from "grammy";
import type { AnswerKind } from "../answer/index.js";
import type { BotMessages } from "./locales/index.js";
import type { FeedbackSigner } from "./votes.js";

/** Callback data the bot reads, all under Telegram's 64-byte limit (feedback: see votes.ts). */
export const CALLBACK = {
  language: /^lang:(fr|en)$/,
  sources: /^src:([\w-]{1,16})$/,
  feedback: /^fb:/,
};

export function languageKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text("Français", "lang:fr").text("English", "lang:en");
}

/** The sources button, and 👍/👎 signed for this answer. */
export function answerKeyboard(messages: BotMessages, kind: AnswerKind, sourcesKey: string | undefined, feedback: FeedbackSigner): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (sourcesKey) keyboard.text(messages.sourcesButton, `src:${sourcesKey}`).row();
  const answerId = feedback.answerId();
  return keyboard.text(messages.usefulButton, feedback.data(answerId, kind, true)).text(messages.notUsefulButton, feedback.data(answerId, kind, false));
}
