import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { http, HttpResponse, delay } from "msw";
import { setupServer } from "msw/node";
import {
  MAX_TRANSCRIPTION_REPLY_BYTES,
  transcribe,
  TranscriptionError,
  type TranscriptionConfig,
} from "../../src/voice/index.js";

const BASE = "http://stt.test/v1";
const ENDPOINT = `${BASE}/audio/transcriptions`;
// Every request must meet a handler: an unhandled one fails the test, so no network is touched.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const config: TranscriptionConfig = { baseUrl: BASE, model: "whisper-large-v3", apiKey: "sk-test", timeoutMs: 300 };
// An Ogg page header then bytes: what Telegram's voice notes look like to the endpoint.
const AUDIO = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0x00, 0x02, ...Array.from({ length: 64 }, (_, i) => i)]);
const SAID = "Combien coûte l'amende en Tunisie ?";

function reply(respond: () => Response | Promise<Response>) {
  server.use(http.post(ENDPOINT, respond));
}

/** The TranscriptionError thrown, checked to carry neither the words said nor the audio. */
async function failure(call: Promise<string>): Promise<TranscriptionError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TranscriptionError);
  const message = (error as TranscriptionError).message;
  expect(message).not.toContain("amende");
  expect(message).not.toContain("OggS");
  return error as TranscriptionError;
}

describe("the optional transcription endpoint", () => {
  it("sends the note as multipart file and model with the bearer key, and returns the words heard", async () => {
    let received: { auth: string | null; contentType: string | null; model: unknown; file: File | null } | undefined;
    let bytes: Uint8Array | undefined;
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        const form = await request.formData();
        const file = form.get("file") as File | null;
        bytes = file ? new Uint8Array(await file.arrayBuffer()) : undefined;
        received = { auth: request.headers.get("authorization"), contentType: request.headers.get("content-type"), model: form.get("model"), file };
        return HttpResponse.json({ text: `  ${SAID}\n` });
      }),
    );
    expect(await transcribe(config, AUDIO, "voice.ogg", "audio/ogg")).toBe(SAID);
    expect(received!.auth).toBe("Bearer sk-test");
    expect(received!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(received!.model).toBe("whisper-large-v3");
    expect(received!.file).toMatchObject({ name: "voice.ogg", type: "audio/ogg", size: AUDIO.byteLength });
    expect(bytes).toEqual(AUDIO);
  });

  it("sends no authorization header without a key, and tolerates a trailing slash in the URL", async () => {
    let auth: string | null = "unset";
    server.use(
      http.post(ENDPOINT, ({ request }) => {
        auth = request.headers.get("authorization");
        return HttpResponse.json({ text: SAID, language: "fr" });
      }),
    );
    expect(await transcribe({ ...config, baseUrl: `${BASE}/`, apiKey: undefined }, AUDIO, "voice.ogg", "audio/ogg")).toBe(SAID);
    expect(auth).toBeNull();
  });

  it("removes control characters and direction overrides from the words", async () => {
    reply(() => HttpResponse.json({ text: "\u202EJ'ai\u0000 perdu\tmon\r\npasseport\u0007 " }));
    expect(await transcribe(config, AUDIO, "voice.ogg", "audio/ogg")).toBe("J'ai perdu mon passeport");
  });

  it.each([
    ["an HTTP 500", () => new HttpResponse(`internal error while decoding: ${SAID}`, { status: 500 }), /HTTP 500/],
    ["malformed JSON", () => new HttpResponse(`{"text": "${SAID}"`, { headers: { "content-type": "application/json" } }), /not JSON/],
    ["JSON of the wrong shape", () => HttpResponse.json({ transcript: SAID }), /expected shape/],
    ["no words heard", () => HttpResponse.json({ text: " \n\u0000 " }), /heard no words/],
    ["a declared oversize reply", () => HttpResponse.json({ text: `${SAID} `.repeat(3_000) }), /larger than 65536 bytes/],
  ])("fails on %s without repeating what was said", async (_name, respond, message) => {
    reply(respond);
    expect((await failure(transcribe(config, AUDIO, "voice.ogg", "audio/ogg"))).message).toMatch(message);
  });

  it("stops reading an oversize reply that declares no length", async () => {
    let sent = 0;
    reply(() => {
      const chunk = new TextEncoder().encode(`{"text": "${"a".repeat(16 * 1024)}`);
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      return new HttpResponse(stream, { headers: { "content-type": "application/json" } });
    });
    expect((await failure(transcribe(config, AUDIO, "voice.ogg", "audio/ogg"))).message).toMatch(/larger than/);
    expect(sent).toBeLessThan(MAX_TRANSCRIPTION_REPLY_BYTES * 4);
  });

  it("gives up on a slow endpoint at the timeout", async () => {
    reply(async () => {
      await delay(2_000);
      return HttpResponse.json({ text: SAID });
    });
    const started = Date.now();
    expect((await failure(transcribe(config, AUDIO, "voice.ogg", "audio/ogg"))).message).toBe("timed out");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("says when the endpoint cannot be reached", async () => {
    reply(() => HttpResponse.error());
    expect((await failure(transcribe(config, AUDIO, "voice.ogg", "audio/ogg"))).message).toMatch(/^could not reach http:\/\/stt\.test\/v1/);
  });
});

