import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NO_FAULTS, StandInBotApi } from "../src/bench/stand-in-api.js";
import { STOP_GRACE_MS } from "../src/bot/index.js";
import { fromPackageRoot } from "../src/package-root.js";
import { freePort, START_COMMAND, startBot } from "./start-command.js";

const TOKEN = "123456:LOCAL-stand-in-token-for-relais";
const SECRET = "main-test-webhook-secret-0123456789";
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The bot started as the README tells an operator, with a state file of its own. */
function start(env: Record<string, string>, options: { ownGroup?: boolean } = {}) {
  const state = mkdtempSync(join(tmpdir(), "relais-main-"));
  const stateFile = join(state, "state.json");
  const bot = startBot({ TELEGRAM_BOT_TOKEN: TOKEN, STATE_FILE: stateFile, RELAIS_OFFLINE: "1", LOG_LEVEL: "info", ...env }, options);
  cleanups.push(() => {
    if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
    rmSync(state, { recursive: true, force: true });
  });
  return { ...bot, stateFile };
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

const USER = { id: 5, is_bot: false, first_name: "A", language_code: "fr" };
const CHAT = { id: 5, type: "private" };
const QUESTION = { update_id: 1, message: { message_id: 1, date: 0, chat: CHAT, from: USER, text: "Quelle est l'amende pour dépassement de visa en Tunisie ?" } };
/** Same chat: handled after the question, so still in hand when the stop begins; it changes the kept state. */
const CHOOSE_ENGLISH = { update_id: 2, callback_query: { id: "c1", from: USER, chat_instance: "1", data: "lang:en", message: { message_id: 2, date: 0, chat: CHAT, text: "?" } } };

/** Starts the bot in `mode` against `api` and hands it the updates as Telegram would. */
async function startWith(mode: "polling" | "webhook", api: StandInBotApi, updates: object[]) {
  const apiRoot = await api.start();
  if (mode === "polling") {
    for (const update of updates) api.enqueue(update as Record<string, unknown>);
    return start({ TELEGRAM_API_ROOT: apiRoot }, { ownGroup: true });
  }
  const port = await freePort();
  const bot = start({ TELEGRAM_API_ROOT: apiRoot, BOT_MODE: "webhook", WEBHOOK_URL: "https://relais.example/hook", WEBHOOK_SECRET: SECRET, PORT: String(port) }, { ownGroup: true });
  await until(() => bot.output().includes('"msg":"webhook ready"'), 30_000);
  for (const update of updates) {
    const sent = await fetch(`http://127.0.0.1:${port}/hook`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(update) });
    expect(sent.status).toBe(200);
  }
  return bot;
}

const UNIT_FILE = fromPackageRoot("deploy", "relais.service");
/** systemd-analyze checks the unit's ExecStart exists: only where node is where the unit says. */
const canVerifyUnit = spawnSync("systemd-analyze", ["--version"]).status === 0 && existsSync(/^ExecStart=(\S+)/m.exec(readFileSync(UNIT_FILE, "utf8"))![1]!);

describe(`the bot as the README tells an operator to start it (${START_COMMAND})`, () => {
  it("is what the README, the systemd unit and the Dockerfile start, and the unit waits out the drain before it kills", () => {
    expect(readFileSync(fromPackageRoot("README.md"), "utf8")).toContain(START_COMMAND);
    const unit = readFileSync(UNIT_FILE, "utf8");
    expect(/^ExecStart=\S*\/(node .*)$/m.exec(unit)?.[1]).toBe(START_COMMAND);
    expect(Number(/^TimeoutStopSec=(\d+)$/m.exec(unit)?.[1]) * 1000).toBeGreaterThan(STOP_GRACE_MS);
    const dockerfile = readFileSync(fromPackageRoot("deploy", "Dockerfile"), "utf8");
    expect(JSON.parse(/^CMD (.*)$/m.exec(dockerfile)?.[1] ?? "null")).toEqual(START_COMMAND.split(" "));
  });

  it.skipIf(!canVerifyUnit)("deploy/relais.service passes systemd-analyze verify without a warning", () => {
    const verified = spawnSync("systemd-analyze", ["verify", UNIT_FILE], { encoding: "utf8" });
    expect(verified.stderr).toBe("");
    expect(verified.status).toBe(0);
  });

  it.each(["polling", "webhook"] as const)("%s: SIGTERM to its process group mid-answer: the answer is sent, the update behind it handled, the state saved, exit 0", async (mode) => {
    const api = new StandInBotApi({ ...NO_FAULTS, slow: 1, slowMs: 1_500 });
    cleanups.push(() => api.stop());
    const bot = await startWith(mode, api, [QUESTION, CHOOSE_ENGLISH]);
    await until(() => api.calls.some((c) => c.method === "sendMessage"), 30_000); // the answer is on its way
    expect(api.delivered).toHaveLength(0);
    process.kill(-bot.child.pid!, "SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(api.delivered.map((m) => m.text).join()).toMatch(/20 dinars tunisiens/);
    expect(Object.values(JSON.parse(readFileSync(bot.stateFile, "utf8")).languages)).toEqual(["en"]);
    expect(bot.output()).toMatch(/"signal":"SIGTERM","msg":"stopping"[^]*"finished":2,"abandoned":\[\],"msg":"stopped"/);
  }, 40_000);

  it("a second signal during the stop ends it at once, exit 1, naming the updates it abandons", async () => {
    const api = new StandInBotApi({ ...NO_FAULTS, slow: 1, slowMs: 10_000 });
    cleanups.push(() => api.stop());
    const bot = await startWith("polling", api, [QUESTION, CHOOSE_ENGLISH]);
    await until(() => api.calls.some((c) => c.method === "sendMessage"), 30_000);
    bot.child.kill("SIGINT");
    await until(() => bot.output().includes('"msg":"stopping"'), 10_000);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/"signal":"SIGTERM","abandoned":\[1,2\],"msg":"second signal: stopped at once/);
    expect(api.delivered).toHaveLength(0);
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
