import { z } from "zod";
import { type Endpoint, EndpointError, postForJson } from "../llm/index.js";

/**
 * The optional OpenAI-compatible transcription endpoint (whisper.cpp's server, faster-whisper
 * servers, hosted APIs): its configuration, and one bounded call that turns a voice note into
 * the words said. The audio and the words stay in memory and out of every message here.
 */
export interface TranscriptionConfig extends Endpoint {
  /** STT_MODEL. Its timeoutMs also bounds the voice note's download. */
  model: string;
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
  let said: string;
  try {
    said = (await postForJson(config, "audio/transcriptions", { body: form }, MAX_TRANSCRIPTION_REPLY_BYTES, TranscriptionSchema, '{"text": "..."}')).text;
  } catch (error) {
    throw error instanceof EndpointError ? new TranscriptionError(error.message) : error;
  }
  const text = spokenWords(said);
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
