import { Composer } from "grammy";
import type { RelaisContext } from "../context.js";
import { CALLBACK, languageKeyboard } from "../keyboards.js";
import { messagesFor } from "../locales/index.js";

export const languageFeature = new Composer<RelaisContext>();

languageFeature.command("lang", (ctx) => ctx.reply(ctx.messages.chooseLanguage, { reply_markup: languageKeyboard() }));

languageFeature.callbackQuery(CALLBACK.language, async (ctx) => {
  const lang = ctx.match[1] === "en" ? "en" : "fr";
  await ctx.services.store.setLanguage(ctx.from.id, lang);
  const done = messagesFor(lang).languageSet;
  // A button on a message shared inline has no message to edit: say it in the pop-up instead.
  if (!ctx.callbackQuery.message) return void (await ctx.answerCallbackQuery({ text: done }));
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(done);
});
