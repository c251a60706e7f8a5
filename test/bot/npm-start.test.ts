import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StandInBotApi } from "../../src/bench/stand-in-api.js";
import { START_COMMAND, startBot } from "../start-command.js";

const TOKEN = "123456:LOCAL-stand-in-token-for-relais";
// Distinctive ids and a name, to look for them in every file the bot writes and every log line.
const USER_BASE = 770_000_000;
const NAME = "Aminata Kouyaté";

const from = (id: number, lang: string) => ({ id: USER_BASE + id, is_bot: false, first_name: NAME, language_code: lang });
const chatOf = (id: number) => ({ id: USER_BASE + id, type: "private", first_name: NAME });
const message = (id: number, lang: string, extra: Record<string, unknown>, messageId = id) => ({ message: { message_id: messageId, date: 0, chat: chatOf(id), from: from(id, lang), ...extra } });
const command = (text: string) => ({ text, entities: [{ type: "bot_command", offset: 0, length: text.length }] });
const PHOTO = { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] };
const FINE_FR = "Quelle est l'amende pour dépassement de visa en Tunisie ?";
const STORY = "Je suis arrivé de Côte d'Ivoire il y a longtemps, j'ai travaillé dans un restaurant puis dans le bâtiment, la vie est dure mais je tiens bon. ";

describe(`the bot as npm start and operators run it (${START_COMMAND}), against a local stand-in Bot API`, () => {
  it("answers questions, commands, greetings, requests for help, follow-ups, edits and odd messages in each user's language, keeps nothing personal, then stops cleanly", async () => {
    const api = new StandInBotApi();
    let updateId = 1;
    const push = (update: Record<string, unknown>) => api.enqueue({ update_id: updateId++, ...update });
    const apiRoot = await api.start();
    const state = mkdtempSync(join(tmpdir(), "relais-state-"));
    push(message(1, "fr", { text: FINE_FR }));
    push(message(2, "en", { text: "Do ECOWAS citizens need a visa to enter Mali?" }));
    push(message(3, "fr", command("/start")));
    push(message(4, "en", command("/help")));
    push(message(5, "fr", PHOTO));
    push(message(6, "en", { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }));
    push(message(7, "fr", { voice: { file_id: "v", file_unique_id: "v", duration: 2 } }));
    push(message(8, "fr", { text: `${STORY.repeat(25)}Ma question : ${FINE_FR}` }));
    push(message(9, "en", { text: "🙏🙏🙏" }));
    push(message(10, "en", command("/whatever")));
    push({ inline_query: { id: "q1", from: from(11, "fr"), query: "amende visa tunisie", offset: "" } });
    const greetings = ["bonjour", "salut", "hello", "merci", "thanks"];
    greetings.forEach((text, i) => push(message(12 + i, i === 2 || i === 4 ? "en" : "fr", { text })));
    push(message(17, "fr", { text: "j'ai besoin d'aide à Tunis" }));
    push(message(18, "fr", { text: "la police m'a pris mon passeport à Bamako" }));
    push(message(19, "fr", { text: "jai depassé mon visa en tunisie combien je dois payer par semaine" }, 1));
    push(message(19, "fr", { text: "et si je pars sans payer ?" }, 2));
    push(message(20, "fr", { text: "quelle est lamende pr depasement de visa en tunisei" }));
    push({ edited_message: { message_id: 20, date: 0, edit_date: 1, chat: chatOf(20), from: from(20, "fr"), text: "Les Ivoiriens ont-ils besoin d'un visa pour entrer en Tunisie ?" } });
    push(message(21, "fr", { ...PHOTO, caption: FINE_FR }));
    push(message(22, "fr", { text: "i ni ce, n bɛ baara ɲini Bamako, n bɛ se ka dɛmɛ sɔrɔ min?" }));
    push(message(23, "fr", { text: "مرحبا، أين يمكنني الحصول على المساعدة في تونس؟" }));
    for (let i = 1; i <= 25; i++) push({ inline_query: { id: `k${i}`, from: from(24, "fr"), query: "amende visa tunisie".slice(0, i), offset: "" } });
    for (let i = 0; i < 10; i++) push({ callback_query: { id: `t${i}`, from: from(24, "fr"), chat_instance: "1", data: "lang:fr", message: { message_id: 5, date: 0, chat: chatOf(24), text: "?" } } });
    push(message(24, "fr", { text: FINE_FR }, 99));

    const { child: bot, exited, output } = startBot({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, STATE_FILE: join(state, "state.json"), HELP_DIRECTORY: "test/fixtures/help-directory.json", RELAIS_OFFLINE: "1", LOG_LEVEL: "info", FLOOD_LIMIT_PER_MINUTE: "5" });
    try {
      const toChat = (chat: number, method = "sendMessage") => api.calls.filter((s) => s.method === method && s.payload.chat_id === USER_BASE + chat);
      const replyTo = (chat: number) => [...toChat(chat), ...toChat(chat, "editMessageText")].map((s) => String(s.payload.text));
      const deadline = Date.now() + 60_000;
      // The runner answers chats concurrently: wait until every chat has what it should.
      const chats = Array.from({ length: 24 }, (_, i) => i + 1).filter((c) => c !== 11);
      const done = () => chats.every((c) => replyTo(c).length > 0) && toChat(24).length > 0 && replyTo(19).length >= 2 && toChat(20, "editMessageText").length > 0 && api.calls.filter((s) => s.method === "answerInlineQuery").length >= 26;
      while (Date.now() < deadline && !done()) await new Promise((r) => setTimeout(r, 200));
      expect(replyTo(1).join()).toMatch(/20 dinars tunisiens par semaine/);
      expect(replyTo(2).join()).toMatch(/do not need a visa to enter Mali/);
      expect(replyTo(3).join()).toMatch(/Bonjour/);
      expect(replyTo(4).join()).toMatch(/Ask in English/);
      expect(replyTo(5).join()).toMatch(/Je ne lis que les messages écrits/);
      expect(replyTo(6).join()).toMatch(/I only read written messages/);
      expect(replyTo(7).join()).toMatch(/Je ne lis que les messages écrits/);
      expect(replyTo(8).join()).toMatch(/20 dinars tunisiens par semaine/); // the question at the end of 3,000 characters
      expect(replyTo(9).join()).toMatch(/Type your question in words/);
      expect(replyTo(10).join()).toMatch(/I don't know this command/);
      for (let c = 12; c <= 16; c++) {
        expect(replyTo(c).join()).not.toMatch(/ne répondent pas|do not answer/);
        expect(toChat(c).every((s) => s.payload.reply_markup === undefined)).toBe(true);
      }
      expect(replyTo(17)[0]).toMatch(/Example Legal Aid Desk[^]*📞 \+216 70 000 000/);
      expect(replyTo(18)[0]).toMatch(/Example Shelter Bamako \(test entry\)<\/b> — Bamako, Mali\n[^\n]*protection contre la violence/);
      expect(replyTo(19).slice(1).join()).toMatch(/ne peuvent pas quitter le pays avant d'avoir réglé l'amende/);
      expect(toChat(20, "editMessageText").map((s) => String(s.payload.text)).join()).toMatch(/90 jours/);
      expect(replyTo(21).join()).toMatch(/20 dinars tunisiens par semaine/);
      for (const c of [22, 23]) expect(replyTo(c)).toEqual([expect.stringMatching(/Je lis le français et l'anglais[^]*I read French and English/)]);
      expect(toChat(24).map((s) => String(s.payload.text)).join()).toMatch(/20 dinars tunisiens/); // after 25 inline keystrokes and 10 taps
      const inline = api.calls.find((s) => s.method === "answerInlineQuery" && s.payload.inline_query_id === "q1")!.payload;
      expect(JSON.stringify(inline.results)).toMatch(/20 dinars tunisiens/);
      expect(api.calls.filter((s) => s.method === "setMyCommands")).toHaveLength(3);
      expect(bot.exitCode).toBeNull(); // still running
      bot.kill("SIGTERM");
      expect(await exited).toBe(0);
      // Nothing personal in the logs or in any file the bot wrote: no message text, no name, no user id.
      const written = readdirSync(state).map((f) => readFileSync(join(state, f), "utf8")).join("\n");
      for (const where of [output(), written]) {
        expect(where).not.toMatch(/amende|ECOWAS|Quelle|passeport|bonjour|Côte d'Ivoire/i);
        expect(where).not.toContain(NAME);
        expect(where).not.toMatch(new RegExp(String(USER_BASE).slice(0, 5)));
      }
      expect(output()).toMatch(/"msg":"answered"/); // the log says what happened, without who or what
    } finally {
      if (bot.exitCode === null) bot.kill("SIGKILL");
      await api.stop();
      rmSync(state, { recursive: true, force: true });
    }
  }, 90_000);
});
