import { Composer } from "grammy";
import type { RelaisContext } from "../context.js";
import { reportsHtml } from "../format.js";

export const welcomeFeature = new Composer<RelaisContext>();

welcomeFeature.command("start", (ctx) => ctx.reply(ctx.messages.welcome, { parse_mode: "HTML" }));
welcomeFeature.command("help", (ctx) => ctx.reply(ctx.messages.help.replaceAll("{bot}", ctx.me.username), { parse_mode: "HTML" }));
welcomeFeature.command("about", (ctx) => ctx.reply(ctx.messages.about, { parse_mode: "HTML" }));
welcomeFeature.command("sources", (ctx) => ctx.reply(reportsHtml(ctx.services.corpus.manifest.reports, ctx.messages), { parse_mode: "HTML" }));
welcomeFeature.command("forget", async (ctx) => {
  if (ctx.from) await ctx.services.store.forget(ctx.from.id);
  if (ctx.chat) await ctx.services.conversations.forget(ctx.chat.id);
  await ctx.reply(ctx.messages.forgotten);
});
