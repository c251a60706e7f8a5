import { describe, expect, it } from "vitest";
import { StandInBotApi } from "../../src/bench/stand-in-api.js";
import { createBot, MemoryStore, createServices } from "../../src/bot/index.js";
import { createSpeechSynthesizer } from "../../src/voice/index.js";
import { readMp3 } from "../voice/mp3-frames.js";
import { BOT_INFO, callbackUpdate, messageUpdate, realAnswerer, silentLog, TOKEN } from "./harness.js";

// No msw in this file: it never finishes reading grammY's streamed uploads, so the Bot API is a stand-in on loopback.
describe("spoken answers out", () => {
  it("🔊 sends one voice message, a valid MP3 of the answer in its language", async () => {
    const api = new StandInBotApi();
    const apiRoot = await api.start();
    try {
      const { synthesizer } = await createSpeechSynthesizer();
      const answerer = await realAnswerer();
      const services = createServices({ answerer, help: answerer.help, store: new MemoryStore("s"), log: silentLog(), secret: TOKEN, voice: { fileRoot: apiRoot, synthesizer: synthesizer! } });
      const bot = createBot(TOKEN, services, { apiRoot, botInfo: BOT_INFO });
      await bot.handleUpdate(messageUpdate({ text: "Quelle est l'amende pour dépassement de visa en Tunisie ?" }));
      const keyboard = api.calls.find((c) => c.method === "sendMessage")!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
      const listen = keyboard.inline_keyboard.flat().find((b) => b.text === "🔊 Écouter")!;
      expect(listen.callback_data).toMatch(/^say:[\w-]{8}$/);
      await bot.handleUpdate(callbackUpdate(listen.callback_data));
      const voices = api.calls.filter((c) => c.method === "sendVoice");
      expect(voices).toHaveLength(1);
      // grammY uploads the file as a part of its own, named by "attach://<name>" in the voice field.
      const payload = voices[0]!.payload;
      const attached = String(payload.voice).replace(/^attach:\/\//, "");
      const mp3 = readMp3(new Uint8Array((payload[attached] ?? payload.voice) as Buffer));
      expect(mp3.seconds).toBeGreaterThan(3);
    } finally {
      await api.stop();
    }
  }, 30_000);

});
