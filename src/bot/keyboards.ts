import { InlineKeyboard } from "grammy";
import type { AnswerKind } from "../answer/index.js";
import type { BotMessages } from "./locales/index.js";
import type { FeedbackSigner } from "./votes.js";

/** Callback data the bot reads, all under Telegram's 64-byte limit (feedback: see votes.ts). */
export const CALLBACK = {
  language: /^lang:(fr|en)$/,
  /** Any src: data: a button from an older corpus or version says its sources are gone. */
  sources: /^src:/,
  say: /^say:([\w-]{8})$/,
  feedback: /^fb:/,
};

export function languageKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text("Français", "lang:fr").text("English", "lang:en");
}

/** The sources button, 🔊 when the answer can be read aloud, and 👍/👎 signed for this answer. */
export function answerKeyboard(messages: BotMessages, answer: { id: string; kind: AnswerKind; speakable: boolean }, sourcesData: string | undefined, feedback: FeedbackSigner): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (sourcesData) keyboard.text(messages.sourcesButton, sourcesData);
  if (answer.speakable) keyboard.text(messages.listenButton, `say:${answer.id}`);
  if (sourcesData || answer.speakable) keyboard.row();
  const { id: answerId, kind } = answer;
  return keyboard.text(messages.usefulButton, feedback.data(answerId, kind, true)).text(messages.notUsefulButton, feedback.data(answerId, kind, false));
}
