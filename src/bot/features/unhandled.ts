import { Composer } from "grammy";
import type { RelaisContext } from "../context.js";

/** What is not a question: a short reply in private chats, silence in groups. */
export const unhandledFeature = new Composer<RelaisContext>();
const privateChats = unhandledFeature.chatType("private");

privateChats.on("message:text", (ctx) => ctx.reply(ctx.messages.unknownCommand)); // only commands get this far
privateChats.on(["message:photo", "message:voice", "message:audio", "message:video", "message:video_note", "message:sticker", "message:animation", "message:document", "message:location", "message:venue", "message:contact", "message:poll", "message:dice"], (ctx) =>
  ctx.reply(ctx.messages.onlyText),
);
// Edited messages, channel posts, service messages and group chatter: nothing to say.
