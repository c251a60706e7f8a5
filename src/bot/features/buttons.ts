import { Composer, InlineKeyboard } from "grammy";
import type { AnswerKind } from "../../answer/index.js";
import type { RelaisContext } from "../context.js";
import { splitMessage } from "../format.js";
import { CALLBACK } from "../keyboards.js";

export const buttonsFeature = new Composer<RelaisContext>();

buttonsFeature.callbackQuery(CALLBACK.sources, async (ctx) => {
  const html = ctx.services.sources.get(ctx.match[1]!);
  if (!html) {
    await ctx.answerCallbackQuery({ text: ctx.messages.sourcesExpired, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  for (const part of splitMessage(html)) await ctx.reply(part, { parse_mode: "HTML" });
});

buttonsFeature.callbackQuery(CALLBACK.feedback, async (ctx) => {
  ctx.services.store.countFeedback(ctx.match[1] as AnswerKind, ctx.match[2] === "1");
  await ctx.answerCallbackQuery({ text: ctx.messages.thanksForFeedback });
  if (!ctx.callbackQuery.message) return;
  // Keep the sources button, drop the votes: one vote per answer.
  const kept = (ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? []).flat().filter((b) => "callback_data" in b && b.callback_data.startsWith("src:"));
  await ctx.editMessageReplyMarkup({ reply_markup: InlineKeyboard.from([kept]) }).catch(() => {}); // the message may be too old to edit
});
