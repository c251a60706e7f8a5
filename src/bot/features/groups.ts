import { Composer } from "grammy";
import type { RelaisContext } from "../context.js";
import { GROUP_HELLO } from "../locales/index.js";

/** When the bot is added to a group: a short hello saying how to ask, in both languages. */
export const groupsFeature = new Composer<RelaisContext>();

groupsFeature.on("my_chat_member", async (ctx) => {
  const { chat, old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
  if (chat.type !== "group" && chat.type !== "supergroup") return;
  const joined = (before.status === "left" || before.status === "kicked") && (after.status === "member" || after.status === "administrator");
  if (joined) await ctx.reply(GROUP_HELLO.replaceAll("{bot}", ctx.me.username), { parse_mode: "HTML" });
});
