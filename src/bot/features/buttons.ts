import { Composer, InputFile } from "grammy";
import type { RelaisContext } from "../context.js";
import { sourcesHtml, splitMessage } from "../format.js";
import { messagesFor } from "../locales/index.js";
import { readSourcesData } from "../sources-button.js";
import { CALLBACK } from "../keyboards.js";

export const buttonsFeature = new Composer<RelaisContext>();

// The button carries the passages and sentences quoted: any replica shows them, after a restart too.
buttonsFeature.callbackQuery(CALLBACK.sources, async (ctx) => {
  const sources = readSourcesData(ctx.services.corpus, ctx.callbackQuery.data);
  if (!sources) {
    await ctx.answerCallbackQuery({ text: ctx.messages.sourcesExpired, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  for (const part of splitMessage(sourcesHtml(sources, messagesFor(sources.lang)))) await ctx.reply(part, { parse_mode: "HTML" });
});

// One vote per person per answer, counted by kind of answer; the buttons stay for everyone else
// (in a group, the first vote must not take them from the others).
buttonsFeature.callbackQuery(CALLBACK.feedback, async (ctx) => {
  const vote = ctx.services.feedback.read(ctx.callbackQuery.data);
  if (!vote) {
    ctx.services.log.warn("refused callback data the bot did not issue", { update: ctx.update.update_id });
    await ctx.answerCallbackQuery();
    return;
  }
  if (!(await ctx.services.votes.first(vote.answerId, ctx.from.id))) {
    await ctx.answerCallbackQuery({ text: ctx.messages.alreadyVoted });
    return;
  }
  await ctx.services.store.countFeedback(vote.kind, vote.useful);
  await ctx.answerCallbackQuery({ text: ctx.messages.thanksForFeedback });
});

// 🔊: the answer read aloud in its language, made now and not kept.
buttonsFeature.callbackQuery(CALLBACK.say, async (ctx) => {
  const { synthesizer, spoken } = ctx.services.voice;
  const said = await spoken.get(ctx.match[1]!);
  if (!synthesizer || !said) {
    await ctx.answerCallbackQuery({ text: ctx.messages.sourcesExpired, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.replyWithChatAction("record_voice").catch(() => {});
  const audio = await synthesizer.speak(said.text, said.lang);
  await ctx.replyWithVoice(new InputFile(audio, "relais.mp3"));
});
