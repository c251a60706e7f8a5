import { describe, expect, it } from "vitest";
import { delay, http, HttpResponse } from "msw";
import type { TranscriptionConfig } from "../../src/voice/index.js";
import { API, useTelegramStandIn, makeBot, messageUpdate, TOKEN } from "./harness.js";

const { server, calls } = useTelegramStandIn();

const STT = "http://stt.test/v1";
const transcription: TranscriptionConfig = { baseUrl: STT, model: "whisper-1", timeoutMs: 1_000 };
const VOICE = { voice: { file_id: "v1", file_unique_id: "u1", duration: 4, mime_type: "audio/ogg", file_size: 9_000 } };
const AUDIO = new Uint8Array(9_000).fill(7);
const HEARD = "jai depassé mon visa en tunisie combien je dois payer par semaine";
const texts = () => calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));

/** Telegram's getFile and file download, and a transcription endpoint that hears `heard` (or fails). */
function voiceNoteServices(transcribed: () => Promise<Response> | Response) {
  const received: { file?: File; model?: string } = {};
  server.use(
    http.post(`${API}/getFile`, () => HttpResponse.json({ ok: true, result: { file_id: "v1", file_unique_id: "u1", file_size: AUDIO.length, file_path: "voice/file_1.oga" } })),
    http.get(`https://api.telegram.org/file/bot${TOKEN}/voice/file_1.oga`, () => HttpResponse.arrayBuffer(AUDIO.buffer)),
    http.post(`${STT}/audio/transcriptions`, async ({ request }) => {
      const form = await request.formData();
      received.file = form.get("file") as File;
      received.model = String(form.get("model"));
      return transcribed();
    }),
  );
  return received;
}

describe("voice notes in", () => {
  it("downloads a voice note, has it transcribed, shows what was understood and answers it", async () => {
    const received = voiceNoteServices(() => HttpResponse.json({ text: HEARD }));
    const log: string[] = [];
    const { bot } = await makeBot({ log, voice: { transcription } });
    await bot.handleUpdate(messageUpdate(VOICE));
    expect(received.model).toBe("whisper-1");
    expect(new Uint8Array(await received.file!.arrayBuffer())).toEqual(AUDIO);
    expect(texts()[0]).toBe(`J'ai compris : « ${HEARD} »`);
    expect(texts().join()).toMatch(/20 dinars tunisiens par semaine/);
    expect(log.join("\n")).not.toMatch(/visa|tunisie|payer/); // the transcription reaches no log line
  });

  it("asks the person to write when the endpoint fails or is too slow", async () => {
    for (const reply of [() => new HttpResponse(null, { status: 500 }), async () => (await delay(2_000), HttpResponse.json({ text: HEARD }))]) {
      voiceNoteServices(reply);
      const { bot } = await makeBot({ voice: { transcription } });
      await bot.handleUpdate(messageUpdate(VOICE));
      expect(texts()).toEqual(["Je ne lis que les messages écrits. Écrivez votre question en quelques mots."]);
      calls.length = 0;
    }
  });

  it("refuses a note too long kindly, without downloading it", async () => {
    const received = voiceNoteServices(() => HttpResponse.json({ text: HEARD }));
    const { bot } = await makeBot({ voice: { transcription } });
    await bot.handleUpdate(messageUpdate({ voice: { ...VOICE.voice, duration: 600 } }));
    expect(texts()).toEqual([expect.stringMatching(/trop long/)]);
    expect(received.file).toBeUndefined();
    expect(calls.some((c) => c.method === "getFile")).toBe(false);
  });

  it("without an endpoint, asks the person to write, as before", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(messageUpdate(VOICE));
    expect(texts()).toEqual([expect.stringMatching(/Je ne lis que les messages écrits/)]);
  });
});

describe("spoken answers out", () => {
  it("shows no 🔊 button when the speech packages are not there", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(messageUpdate({ text: "Quelle est l'amende pour dépassement de visa en Tunisie ?" }));
    expect(JSON.stringify(calls.find((c) => c.method === "sendMessage")!.payload.reply_markup)).not.toContain("say:");
  });
});
