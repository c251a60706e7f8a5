import { InlineKeyboard } from "grammy";
import type { AnswerKind } from "../answer/index.js";
import type { BotMessages } from "./locales/index.js";

/** Callback data, all under Telegram's 64-byte limit. */
export const CALLBACK = {
  language: /^lang:(fr|en)$/,
  sources: /^src:([\w-]{1,16})$/,
  feedback: /^fb:(card|extract|abstain|generated):([01])$/,
};

export function languageKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text("Français", "lang:fr").text("English", "lang:en");
}

export function answerKeyboard(messages: BotMessages, kind: AnswerKind, sourcesKey: string | undefined): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (sourcesKey) keyboard.text(messages.sourcesButton, `src:${sourcesKey}`).row();
  return keyboard.text(messages.usefulButton, `fb:${kind}:1`).text(messages.notUsefulButton, `fb:${kind}:0`);
}
