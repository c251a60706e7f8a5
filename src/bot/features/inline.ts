import { createHash } from "node:crypto";
import { Composer } from "grammy";
import type { RelaisContext } from "../context.js";
import { answerHtml, MESSAGE_LIMIT, sourcesHtml } from "../format.js";
import { messagesFor } from "../locales/index.js";
import { questionOf } from "../reading.js";

/** How long Telegram may serve an inline result again: short, and only to the same person. */
const INLINE_CACHE_SECONDS = 30;

/** Inline mode: `@bot question` in any chat gives a cited answer card to share, in the sharer's language. */
export const inlineFeature = new Composer<RelaisContext>();

inlineFeature.on("inline_query", async (ctx) => {
  const question = questionOf(ctx.inlineQuery.query);
  if (!/[\p{L}\p{N}]{2,}/u.test(question)) {
    await ctx.answerInlineQuery([], { cache_time: INLINE_CACHE_SECONDS, is_personal: true, button: { text: ctx.messages.inlineHint, start_parameter: "inline" } });
    return;
  }
  const answer = await ctx.services.answerer.ask(question, { lang: ctx.lang });
  const short = answerHtml(answer);
  const full = answer.citations.length ? `${short}\n\n${sourcesHtml(answer, messagesFor(answer.lang))}` : short;
  const plain = answer.text.replace(/\s*\[\d+\]/g, "").replace(/\s+/g, " ").trim();
  await ctx.answerInlineQuery(
    [
      {
        type: "article",
        id: createHash("sha256").update(`${answer.lang}:${question}`).digest("hex").slice(0, 32),
        title: question.slice(0, 100),
        description: plain.slice(0, 200),
        input_message_content: { message_text: full.length <= MESSAGE_LIMIT ? full : short.slice(0, MESSAGE_LIMIT), parse_mode: "HTML" },
      },
    ],
    { cache_time: INLINE_CACHE_SECONDS, is_personal: true },
  );
  ctx.services.log.info("inline answered", { kind: answer.kind, lang: answer.lang });
});
