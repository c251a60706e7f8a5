import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StandInBotApi } from "../../src/bench/stand-in-api.js";

const TOKEN = "123456:LOCAL-stand-in-token-for-relais";

const from = (id: number, lang: string) => ({ id, is_bot: false, first_name: "T", language_code: lang });
const message = (id: number, lang: string, extra: Record<string, unknown>) => ({ message: { message_id: id, date: 0, chat: { id, type: "private", first_name: "T" }, from: from(id, lang), ...extra } });
const command = (text: string) => ({ text, entities: [{ type: "bot_command", offset: 0, length: text.length }] });

describe("the bot as `npm start` runs it (tsx src/main.ts), against a local stand-in Bot API", () => {
  it("answers questions, commands and odd messages in each user's language without exiting, then stops cleanly", async () => {
    const api = new StandInBotApi();
    let updateId = 1;
    const push = (update: Record<string, unknown>) => api.enqueue({ update_id: updateId++, ...update });
    const apiRoot = await api.start();
    const state = mkdtempSync(join(tmpdir(), "relais-state-"));
    push(message(1, "fr", { text: "Quelle est l'amende pour dépassement de visa en Tunisie ?" }));
    push(message(2, "en", { text: "Do ECOWAS citizens need a visa to enter Mali?" }));
    push(message(3, "fr", command("/start")));
    push(message(4, "en", command("/help")));
    push(message(5, "fr", { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] }));
    push(message(6, "en", { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }));
    push(message(7, "fr", { voice: { file_id: "v", file_unique_id: "v", duration: 2 } }));
    push(message(8, "fr", { text: `amende ${"tunisie ".repeat(700)}` }));
    push(message(9, "en", { text: "🙏🙏🙏" }));
    push(message(10, "en", command("/whatever")));
    push({ inline_query: { id: "q1", from: from(11, "fr"), query: "amende visa tunisie", offset: "" } });

    // node itself runs the bot (tsx as a loader), so signals reach it and nothing is left behind.
    const bot = spawn(process.execPath, ["--max-semi-space-size=8", "--import", "tsx", "src/main.ts"], {
      env: { ...process.env, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, STATE_FILE: join(state, "state.json"), RELAIS_OFFLINE: "1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    bot.stdout.on("data", (d) => (output += d));
    bot.stderr.on("data", (d) => (output += d));
    try {
      const replyTo = (chat: number) => api.calls.filter((s) => s.method === "sendMessage" && s.payload.chat_id === chat).map((s) => String(s.payload.text));
      const deadline = Date.now() + 60_000;
      // The runner answers chats concurrently: wait until every chat has its reply.
      const done = () => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].every((chat) => replyTo(chat).length > 0) && api.calls.some((s) => s.method === "answerInlineQuery");
      while (Date.now() < deadline && !done()) await new Promise((r) => setTimeout(r, 200));
      expect(replyTo(1).join()).toMatch(/20 dinars tunisiens par semaine/);
      expect(replyTo(2).join()).toMatch(/do not need a visa to enter Mali/);
      expect(replyTo(3).join()).toMatch(/Bonjour/);
      expect(replyTo(4).join()).toMatch(/Ask in English/);
      expect(replyTo(5).join()).toMatch(/Je ne lis que les messages écrits/);
      expect(replyTo(6).join()).toMatch(/I only read written messages/);
      expect(replyTo(7).join()).toMatch(/Je ne lis que les messages écrits/);
      expect(replyTo(8).join()).toMatch(/je n'ai lu que le début/);
      expect(replyTo(9).join()).toMatch(/Type your question in words/);
      expect(replyTo(10).join()).toMatch(/I don't know that command/);
      const inline = api.calls.find((s) => s.method === "answerInlineQuery")!.payload;
      expect(JSON.stringify(inline.results)).toMatch(/20 dinars tunisiens/);
      expect(api.calls.filter((s) => s.method === "setMyCommands")).toHaveLength(3);
      expect(bot.exitCode).toBeNull(); // still running
      const exited = new Promise<number | null>((resolve) => bot.on("exit", (code) => resolve(code)));
      bot.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).not.toMatch(/amende|ECOWAS|Quelle/); // no message text in the logs
    } finally {
      if (bot.exitCode === null) bot.kill("SIGKILL");
      await api.stop();
      rmSync(state, { recursive: true, force: true });
    }
  }, 90_000);
});
