import { Composer } from "grammy";
import type { RelaisContext } from "../context.js";
import { answerHtml, sourcesHtml, splitMessage } from "../format.js";
import { answerKeyboard } from "../keyboards.js";
import { messagesFor } from "../locales/index.js";

/** Questions are cut here: no question needs more, and retrieval stays fast. */
export const MAX_QUESTION_CHARS = 1_000;

export const questionFeature = new Composer<RelaisContext>();

// Private chat: any text that is not a command is a question.
questionFeature.chatType("private").on("message:text", async (ctx, next) => {
  if (ctx.message.text.startsWith("/")) return next();
  await answerQuestion(ctx, ctx.message.text);
});

// Groups: only when the bot is mentioned or replied to; otherwise it stays quiet.
questionFeature.chatType(["group", "supergroup"]).on("message:text", async (ctx, next) => {
  const mention = `@${ctx.me.username}`;
  const text = ctx.message.text;
  const repliedTo = ctx.message.reply_to_message?.from?.id === ctx.me.id;
  if (!text.includes(mention) && !repliedTo) return next();
  await answerQuestion(ctx, text.replaceAll(mention, " "));
});

export async function answerQuestion(ctx: RelaisContext, raw: string): Promise<void> {
  const { answerer, sources, log } = ctx.services;
  if (!/[\p{L}\p{N}]/u.test(raw)) {
    await ctx.reply(ctx.messages.askWithWords, { parse_mode: "HTML" });
    return;
  }
  const tooLong = raw.length > MAX_QUESTION_CHARS;
  const question = raw.slice(0, MAX_QUESTION_CHARS);
  await ctx.replyWithChatAction("typing").catch(() => {}); // a hint only; never worth failing for
  const answer = await answerer.ask(question, { ...(ctx.langChosen ? { lang: ctx.lang } : {}), fallbackLang: ctx.lang });
  const messages = messagesFor(answer.lang);
  const sourcesKey = answer.citations.length ? sources.put(sourcesHtml(answer, messages)) : undefined;
  const parts = splitMessage((tooLong ? `<i>${messages.tooLong}</i>\n\n` : "") + answerHtml(answer));
  for (const [i, part] of parts.entries()) {
    const first = i === 0;
    const last = i === parts.length - 1;
    await ctx.reply(part, {
      parse_mode: "HTML",
      // The answer is threaded to its question: clear in a group, and checkable under load.
      ...(first && ctx.msg ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}),
      ...(last ? { reply_markup: answerKeyboard(messages, answer.kind, sourcesKey) } : {}),
    });
  }
  log.info("answered", { kind: answer.kind, lang: answer.lang, citations: answer.citations.length, ms: Math.round(answer.timings.totalMs) });
}
