import { z } from "zod";
import { readCappedText, ReplyTooLarge } from "../llm/index.js";

/**
 * The optional OpenAI-compatible transcription endpoint (whisper.cpp's server, faster-whisper
 * servers, hosted APIs): its configuration, and one bounded call that turns a voice note into
 * the words said. The audio and the words stay in memory and out of every message here.
 */
export interface TranscriptionConfig {
  /** STT_BASE_URL: the API root, ending in /v1 for most servers. */
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  /** Bound of one call, and of the voice note's download. */
  timeoutMs: number;
}

/** Longer voice notes are refused before download: a question takes well under two minutes to say. */
export const MAX_VOICE_NOTE_SECONDS = 120;

/** Larger files are refused before download: Opus voice notes take a few kB a second, so two minutes fit in 1 MB; 2 MB is room to spare. */
export const MAX_VOICE_NOTE_BYTES = 2 * 1024 * 1024;

/** A reply longer than this is refused unread: two minutes of speech is a few kilobytes of text. */
export const MAX_TRANSCRIPTION_REPLY_BYTES = 64 * 1024;

const TranscriptionSchema = z.object({ text: z.string() });

/** The endpoint refused, failed, timed out, replied out of shape or heard nothing; never says what was said. */
export class TranscriptionError extends Error {
  override name = "TranscriptionError";
}

/** The words of one voice note (`POST {STT_BASE_URL}/audio/transcriptions`), bounded in time and size. */
export async function transcribe(config: TranscriptionConfig, audio: Uint8Array, filename: string, mimeType: string): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([audio], { type: mimeType }), filename);
  form.append("model", config.model);
  let response: Response;
  try {
    response = await fetch(new URL("audio/transcriptions", config.baseUrl.replace(/\/?$/, "/")), {
      method: "POST",
      headers: config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {},
      body: form,
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    throw new TranscriptionError(isTimeout(error) ? "timed out" : `could not reach ${config.baseUrl} (${(error as Error).message})`);
  }
  if (!response.ok) {
    release(response.body);
    throw new TranscriptionError(`the endpoint answered HTTP ${response.status}`);
  }
  let body: string;
  try {
    body = await readCappedText(response, MAX_TRANSCRIPTION_REPLY_BYTES);
  } catch (error) {
    throw error instanceof ReplyTooLarge ? new TranscriptionError(error.message) : new TranscriptionError(isTimeout(error) ? "timed out" : "the reply could not be read");
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new TranscriptionError("the reply was not JSON");
  }
  const parsed = TranscriptionSchema.safeParse(json);
  if (!parsed.success) throw new TranscriptionError('the reply did not have the expected shape {"text": "..."}');
  const text = spokenWords(parsed.data.text);
  if (!text) throw new TranscriptionError("the endpoint heard no words");
  return text;
}

/** The words on one line: no control characters, nor bidi overrides that could reorder the bot's echo of them. */
function spokenWords(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Frees the connection from a body left unread. Not awaited: cancelling one branch of a tee'd
 * body settles only when the other branch is cancelled too (msw tees every reply, mswjs/interceptors#712).
 */
function release(body: { cancel(): Promise<void> } | null): void {
  body?.cancel().catch(() => undefined);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}
