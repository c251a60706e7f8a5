import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TOKEN = "123456:LOCAL-stand-in-token-for-relais";

/** A stand-in Bot API on loopback: hands out queued updates and records what the bot sends. */
function standIn() {
  const pending: Array<Record<string, unknown>> = [];
  const sent: Array<{ method: string; payload: Record<string, unknown> }> = [];
  let nextId = 1;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    const method = req.url!.split("/").pop()!;
    const reply = (result: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
    if (method === "getMe") return reply({ id: 999, is_bot: true, first_name: "Relais", username: "relais_local_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true });
    if (method === "getUpdates") {
      const offset = Number(body.offset ?? 0);
      const ready = pending.filter((u) => Number(u.update_id) >= offset);
      if (ready.length === 0) await new Promise((r) => setTimeout(r, 200));
      return reply(pending.filter((u) => Number(u.update_id) >= offset));
    }
    sent.push({ method, payload: body });
    return reply(method.startsWith("send") ? { message_id: nextId++, date: 0, chat: { id: body.chat_id, type: "private" }, text: body.text } : true);
  });
  let updateId = 1;
  const push = (update: Record<string, unknown>) => pending.push({ update_id: updateId++, ...update });
  return { server, sent, push };
}

const from = (id: number, lang: string) => ({ id, is_bot: false, first_name: "T", language_code: lang });
const message = (id: number, lang: string, extra: Record<string, unknown>) => ({ message: { message_id: id, date: 0, chat: { id, type: "private", first_name: "T" }, from: from(id, lang), ...extra } });
const command = (text: string) => ({ text, entities: [{ type: "bot_command", offset: 0, length: text.length }] });

describe("the bot as `npm start` runs it (tsx src/main.ts), against a local stand-in Bot API", () => {
  it("answers questions, commands and odd messages in each user's language without exiting, then stops cleanly", async () => {
    const api = standIn();
    await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
    const port = (api.server.address() as AddressInfo).port;
    const state = mkdtempSync(join(tmpdir(), "relais-state-"));
    api.push(message(1, "fr", { text: "Quelle est l'amende pour dépassement de visa en Tunisie ?" }));
    api.push(message(2, "en", { text: "Do ECOWAS citizens need a visa to enter Mali?" }));
    api.push(message(3, "fr", command("/start")));
    api.push(message(4, "en", command("/help")));
    api.push(message(5, "fr", { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] }));
    api.push(message(6, "en", { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }));
    api.push(message(7, "fr", { voice: { file_id: "v", file_unique_id: "v", duration: 2 } }));
    api.push(message(8, "fr", { text: `amende ${"tunisie ".repeat(700)}` }));
    api.push(message(9, "en", { text: "🙏🙏🙏" }));
    api.push(message(10, "en", command("/whatever")));
    api.push({ inline_query: { id: "q1", from: from(11, "fr"), query: "amende visa tunisie", offset: "" } });

    // node itself runs the bot (tsx as a loader), so signals reach it and nothing is left behind.
    const bot = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, STATE_FILE: join(state, "state.json"), RELAIS_OFFLINE: "1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    bot.stdout.on("data", (d) => (output += d));
    bot.stderr.on("data", (d) => (output += d));
    try {
      const replyTo = (chat: number) => api.sent.filter((s) => s.method === "sendMessage" && s.payload.chat_id === chat).map((s) => String(s.payload.text));
      const deadline = Date.now() + 60_000;
      // The runner answers chats concurrently: wait until every chat has its reply.
      const done = () => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].every((chat) => replyTo(chat).length > 0) && api.sent.some((s) => s.method === "answerInlineQuery");
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
      const inline = api.sent.find((s) => s.method === "answerInlineQuery")!.payload;
      expect(JSON.stringify(inline.results)).toMatch(/20 dinars tunisiens/);
      expect(api.sent.filter((s) => s.method === "setMyCommands")).toHaveLength(3);
      expect(bot.exitCode).toBeNull(); // still running
      const exited = new Promise<number | null>((resolve) => bot.on("exit", (code) => resolve(code)));
      bot.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).not.toMatch(/amende|ECOWAS|Quelle/); // no message text in the logs
    } finally {
      if (bot.exitCode === null) bot.kill("SIGKILL");
      api.server.close();
      rmSync(state, { recursive: true, force: true });
    }
  }, 90_000);
});
