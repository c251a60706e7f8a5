import { afterEach, describe, expect, it } from "vitest";
import { type ChildProcess, spawn } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StandInBotApi } from "../src/bench/stand-in-api.js";

const TOKEN = "123456:LOCAL-stand-in-token-for-relais";
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** `npm start` as node runs it (tsx as a loader, so signals reach it): its output and its exit. */
function start(env: Record<string, string>) {
  const state = mkdtempSync(join(tmpdir(), "relais-main-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, TELEGRAM_BOT_TOKEN: TOKEN, STATE_FILE: join(state, "state.json"), RELAIS_OFFLINE: "1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  cleanups.push(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(state, { recursive: true, force: true });
  });
  return { child, exited, output: () => output };
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

describe("npm start as a black box: stopping, starting, voice notes", () => {
  it("on SIGTERM, finishes the update in hand before it exits 0, and says so", async () => {
    const api = new StandInBotApi({ tooManyRequests: 0, serverErrors: 0, slow: 1, slowMs: 2_000, retryAfterSeconds: 1 });
    cleanups.push(() => api.stop());
    api.enqueue({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 5, type: "private" }, from: { id: 5, is_bot: false, first_name: "A", language_code: "fr" }, text: "Quelle est l'amende pour dépassement de visa en Tunisie ?" } });
    const bot = start({ TELEGRAM_API_ROOT: await api.start() });
    await until(() => api.calls.some((c) => c.method === "sendMessage"), 30_000); // the answer is on its way
    expect(api.delivered).toHaveLength(0);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(api.delivered.map((m) => m.text).join()).toMatch(/20 dinars tunisiens/);
    expect(bot.output()).toMatch(/"finished":1,"abandoned":0.*"msg":"stopped"/);
  }, 40_000);

  it("with an unreachable TELEGRAM_API_ROOT, says what it waits for, then stops naming the variable and the network", async () => {
    // A server that takes connections and never answers: the worst kind of unreachable.
    const sockets: Socket[] = [];
    const blackHole: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => blackHole.close(() => resolve()));
    });
    const root = `http://127.0.0.1:${(blackHole.address() as { port: number }).port}`;
    const bot = start({ TELEGRAM_API_ROOT: root, BOT_API_WAIT_SECONDS: "2" });
    await until(() => bot.output().includes("waiting for the Telegram Bot API"), 15_000);
    expect(bot.output()).toContain(root);
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/Could not reach the Telegram Bot API at http:\/\/127\.0\.0\.1:\d+ within 2 s\. Check TELEGRAM_API_ROOT .* network/);
  }, 40_000);

  it("answers a voice note through a stand-in transcription endpoint, keeping neither audio nor words", async () => {
    const api = new StandInBotApi();
    cleanups.push(() => api.stop());
    const heard = "jai depassé mon visa en tunisie combien je dois payer par semaine";
    api.addFile("voice-1", Buffer.alloc(8_000, 7));
    const stt = createHttpServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ text: heard })));
    });
    await new Promise<void>((resolve) => stt.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => stt.close(() => resolve())));
    api.enqueue({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 6, type: "private" }, from: { id: 6, is_bot: false, first_name: "A", language_code: "fr" }, voice: { file_id: "voice-1", file_unique_id: "voice-1", duration: 3, file_size: 8_000 } } });
    const bot = start({ TELEGRAM_API_ROOT: await api.start(), STT_BASE_URL: `http://127.0.0.1:${(stt.address() as { port: number }).port}/v1` });
    await until(() => api.delivered.length >= 2, 30_000);
    expect(api.delivered.map((m) => m.text)).toEqual([`J'ai compris : « ${heard} »`, expect.stringMatching(/20 dinars tunisiens/)]);
    // 🔊 under the answer: one voice message, an MP3.
    const answer = api.calls.find((c) => c.method === "sendMessage" && /20 dinars/.test(String(c.payload.text)))!;
    const listen = (answer.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard.flat().find((b) => b.callback_data.startsWith("say:"))!;
    api.enqueue({ update_id: 2, callback_query: { id: "c1", from: { id: 6, is_bot: false, first_name: "A", language_code: "fr" }, chat_instance: "1", data: listen.callback_data, message: { message_id: 9, date: 0, chat: { id: 6, type: "private" }, text: "…" } } });
    await until(() => api.calls.some((c) => c.method === "sendVoice"), 30_000);
    const voice = api.calls.filter((c) => c.method === "sendVoice");
    expect(voice).toHaveLength(1);
    const mp3 = voice[0]!.payload[String(voice[0]!.payload.voice).replace(/^attach:\/\//, "")] as Buffer;
    expect(mp3[0]).toBe(0xff); // an MPEG frame sync
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).not.toMatch(/visa|tunisie|payer/i);
  }, 40_000);
});
