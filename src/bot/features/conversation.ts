import { Composer, type InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { Answer } from "../../answer/index.js";
import type { RelaisContext } from "../context.js";
import type { Turn } from "../conversation.js";
import { answerHtml, splitMessage } from "../format.js";
import { helpEntryHtml, placeName, reachable } from "../help-reply.js";
import { aboutThePerson, type Intent, readIntent } from "../intents.js";
import { answerKeyboard } from "../keyboards.js";
import { messagesFor, OTHER_LANGUAGE_REPLY } from "../locales/index.js";
import { questionOf } from "../reading.js";
import { sourcesData } from "../sources-button.js";
import { escapeHtml } from "../format.js";
import { readCappedBytes, ReplyTooLarge } from "../../llm/index.js";
import { MAX_VOICE_NOTE_BYTES, MAX_VOICE_NOTE_SECONDS, transcribe, TranscriptionError } from "../../voice/index.js";

/** Places of help shown at once: enough to choose, few enough to read on a phone. */
const HELP_ENTRIES = 4;

export const conversationFeature = new Composer<RelaisContext>();

// Private chat: any text or caption that is not a command is read; an edited one is read again.
const privateChats = conversationFeature.chatType("private");
privateChats.on(["message:text", "message:caption"], async (ctx, next) => {
  const text = ctx.message.text ?? ctx.message.caption ?? "";
  if (ctx.message.text?.startsWith("/")) return next();
  await converse(ctx, text, ctx.message);
});
privateChats.on(["edited_message:text", "edited_message:caption"], async (ctx) => {
  const text = ctx.editedMessage.text ?? ctx.editedMessage.caption ?? "";
  if (!text.startsWith("/")) await converse(ctx, text, ctx.editedMessage, { edited: true });
});

// Groups: only when the bot is mentioned (in any case) or replied to; otherwise it stays quiet.
const groups = conversationFeature.chatType(["group", "supergroup"]);
groups.on(["message:text", "message:caption"], async (ctx, next) => {
  const text = ctx.message.text ?? ctx.message.caption ?? "";
  const mention = new RegExp(`@${ctx.me.username}\\b`, "gi");
  const repliedTo = ctx.message.reply_to_message?.from?.id === ctx.me.id;
  if (!mention.test(text) && !repliedTo) return next();
  await converse(ctx, text.replace(mention, " "), ctx.message);
});

/** Reads a message and replies: a person's reply to a greeting or thanks, help first when it is needed, else an answer. */
async function converse(ctx: RelaisContext, written: string, message: Message, options: { edited?: boolean } = {}): Promise<void> {
  const { answerer, log } = ctx.services;
  const reply = replier(ctx, message, options.edited ?? false);
  if (!/[\p{L}\p{N}]/u.test(written)) return reply([{ html: ctx.messages.askWithWords }]);
  if (answerer.isForeign(written)) return reply([{ html: OTHER_LANGUAGE_REPLY }]);
  const question = questionOf(written);
  const lang = ctx.langChosen ? ctx.lang : answerer.languageOf(question, ctx.lang);
  const messages = messagesFor(lang);
  const own = readIntent(question);
  if (own.kind === "greeting") return reply([{ html: messages.greeting }]);
  if (own.kind === "thanks") return reply([{ html: messages.thanks }]);

  await ctx.replyWithChatAction("typing").catch(() => {}); // a hint only; never worth failing for
  const chatId = ctx.chat!.id;
  const previous = await ctx.services.conversations.recall(chatId);
  // The answer stage reads the message alone, or with the ones before when it leans on them.
  const answer = await answerer.ask(question, { lang, ...(previous ? { previous: previous.messages } : {}) });
  const followUp = answer.readWithPrevious === true;
  const intent = followUp ? followUpIntent(question, own, previous!) : own;
  log.info("message", { intent: intent.kind, lang, followUp, edited: options.edited ?? false, chars: written.length });
  // Where help is wanted: the places this message names, else those of the conversation.
  const named = answerer.placesIn(written);
  const places = named.length ? named : (previous?.places ?? []);
  const conversation = followUp ? [...previous!.messages, question].slice(-REMEMBERED_MESSAGES) : [question];
  await ctx.services.conversations.remember(chatId, { messages: conversation, places, lang, help: intent.kind === "help" || intent.kind === "person" });

  if (intent.kind === "person" || intent.kind === "help") {
    const asked = conversation.join(" ");
    const parts = [{ html: helpHtml(ctx, intent, places, lang, asked) }];
    // Then what the reports say, when they clearly speak to it: a doubtful quote after help is
    // noise, and to a person reporting harm the reports speak only through a card.
    if (intent.kind === "help" && (answer.kind === "card" || (!intent.harm && speaksClearly(answer)))) parts.push(...(await answerParts(ctx, answer)));
    return reply(parts);
  }
  await reply(await answerParts(ctx, answer));
  log.info("answered", { kind: answer.kind, lang: answer.lang, followUp, citations: answer.citations.length, ms: Math.round(answer.timings.totalMs) });
}

/** Messages of a conversation a follow-up may lean on: the question and its follow-ups. */
const REMEMBERED_MESSAGES = 3;

/**
 * What a follow-up is, read with the conversation: about the person themselves ("je suis
 * bloqué", "they took my passport"), what it says; after a request for help, a request for help
 * ("et au Mali ?"); else a question about what was asked, whatever its words ("c'est bloqué
 * depuis quand ?" after a question about a law is not distress).
 */
function followUpIntent(question: string, own: Intent, previous: Turn): Intent {
  if (own.kind !== "question" && aboutThePerson(question)) return own;
  if (previous.help) {
    const read = readIntent([...previous.messages, question].join(" "));
    if (read.kind === "help" || read.kind === "person") return read;
  }
  return { kind: "question" };
}

/** After help, the reports' answer is added only when it is a card or the abstention model is sure of it. */
const CLEAR_ANSWER_PROBABILITY = 0.8;

function speaksClearly(answer: Answer): boolean {
  return !answer.abstained && (answer.kind === "card" || (answer.evidence?.probability ?? 0) >= CLEAR_ANSWER_PROBABILITY);
}

interface Part {
  html: string;
  keyboard?: InlineKeyboard;
}

/** An answer as messages under Telegram's limit, the buttons on the last. */
async function answerParts(ctx: RelaisContext, answer: Answer): Promise<Part[]> {
  const messages = messagesFor(answer.lang);
  const sources = sourcesData(ctx.services.corpus, answer.lang, answer.citations);
  const id = ctx.services.feedback.answerId();
  const speakable = ctx.services.voice.synthesizer !== undefined && (await ctx.services.voice.spoken.keep(id, answer.text, answer.lang));
  const keyboard = answerKeyboard(messages, { id, kind: answer.kind, speakable }, sources, ctx.services.feedback);
  const html = splitMessage(answerHtml(answer));
  return html.map((part, i) => (i === html.length - 1 ? { html: part, keyboard } : { html: part }));
}

/** The places to ask for help, for the person's place and needs; for a person in danger, what to do first. */
function helpHtml(ctx: RelaisContext, intent: Extract<Intent, { kind: "help" | "person" }>, places: string[], lang: RelaisContext["lang"], text: string): string {
  const { help } = ctx.services;
  const messages = messagesFor(lang);
  const needs = intent.kind === "help" ? intent.needs : [];
  let entries = help.find({ places, needs, text }, HELP_ENTRIES);
  const lines: string[] = [];
  if (intent.kind === "help" && intent.danger) lines.push(messages.immediateDanger);
  // The place the entries shown are in ("Bamako" for a Guinean in Bamako, not "Guinea"), else the first named.
  const shown = places.find((p) => entries.some((e) => e.city?.toLowerCase() === p || e.country.toLowerCase() === p)) ?? places[0];
  const place = shown ? placeName(shown, help.entries, messages) : undefined;
  if (intent.kind === "person") {
    lines.push(messages.person);
    const human = help.find({ places, needs: [] }, help.entries.length).filter(reachable).slice(0, HELP_ENTRIES);
    if (human.length) entries = human;
  } else if (entries.length === 0 && place) {
    lines.push(messages.helpNobodyIn.replace("{place}", place));
    entries = help.find({ places: [], needs }, HELP_ENTRIES);
  } else {
    lines.push(place ? messages.helpIntroIn.replace("{place}", place) : messages.helpIntro);
  }
  lines.push(...entries.map((e) => helpEntryHtml(e, messages, lang)));
  if (!entries.some(reachable)) lines.push(`<i>${messages.noContactDetails}</i>`);
  return lines.join("\n\n");
}

/**
 * Sends a reply's messages, threaded to the message they answer; for an edited message, edits
 * the earlier reply in place where Telegram allows, and removes what the new reply no longer needs.
 */
function replier(ctx: RelaisContext, message: Message, edited: boolean) {
  return async (parts: Part[]): Promise<void> => {
    const chatId = ctx.chat!.id;
    const earlier = edited ? ((await ctx.services.replies.repliesTo(chatId, message.message_id)) ?? []) : [];
    const sent: number[] = [];
    for (const [i, part] of parts.entries()) {
      const options = { parse_mode: "HTML" as const, ...(part.keyboard ? { reply_markup: part.keyboard } : {}) };
      const previousId = earlier[i];
      if (previousId !== undefined) {
        const ok = await ctx.api.editMessageText(chatId, previousId, part.html, options).then(
          () => true,
          () => false, // too old, or unchanged: send it anew instead
        );
        if (ok) {
          sent.push(previousId);
          continue;
        }
      }
      const first = i === 0;
      const out = await ctx.api.sendMessage(chatId, part.html, {
        ...options,
        ...(first ? { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } } : {}),
      });
      sent.push(out.message_id);
    }
    for (const stale of earlier.slice(parts.length)) await ctx.api.deleteMessage(chatId, stale).catch(() => {});
    await ctx.services.replies.record(chatId, message.message_id, sent);
  };
}

// A voice note, when a transcription endpoint is configured: downloaded, transcribed in
// memory, shown as understood, then answered as if typed. Otherwise the person is asked to write.
privateChats.on("message:voice", async (ctx, next) => {
  const { transcription, fileRoot } = ctx.services.voice;
  if (!transcription) return next();
  const note = ctx.message.voice;
  if (note.duration > MAX_VOICE_NOTE_SECONDS || (note.file_size ?? 0) > MAX_VOICE_NOTE_BYTES) return void (await ctx.reply(ctx.messages.voiceTooLong));
  let heard: string;
  try {
    const file = await ctx.getFile();
    if (!file.file_path || (file.file_size ?? 0) > MAX_VOICE_NOTE_BYTES) return void (await ctx.reply(ctx.messages.voiceTooLong));
    const audio = await download(`${fileRoot}/file/bot${ctx.api.token}/${file.file_path}`, MAX_VOICE_NOTE_BYTES, transcription.timeoutMs);
    heard = await transcribe(transcription, audio, "voice.ogg", note.mime_type ?? "audio/ogg");
  } catch (error) {
    ctx.services.log.warn("voice note not transcribed: asked to write", { reason: error instanceof TranscriptionError ? error.message : (error as Error).name });
    return void (await ctx.reply(ctx.messages.onlyText));
  }
  const lang = ctx.langChosen ? ctx.lang : ctx.services.answerer.languageOf(heard, ctx.lang);
  await ctx.reply(messagesFor(lang).voiceUnderstood.replace("{text}", escapeHtml(heard)), { parse_mode: "HTML" });
  await converse(ctx, heard, ctx.message);
});

/** A file's bytes, in memory only, refused past `limit` bytes (unread) or `timeoutMs`. */
async function download(url: string, limit: number, timeoutMs: number): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`download failed (HTTP ${response.status})`);
  try {
    return new Uint8Array(await readCappedBytes(response, limit));
  } catch (error) {
    throw error instanceof ReplyTooLarge ? new Error("voice note too large") : error;
  }
}
