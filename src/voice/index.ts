/**
 * Voice: answers read aloud, offline (eSpeak NG and an MP3 encoder, both optional packages),
 * and voice notes turned into questions by an optional transcription endpoint.
 */
export { speakableText, MAX_SPOKEN_CHARS } from "./speakable.js";
export { createSpeechSynthesizer, SpeechError, SPEECH_RATE_WPM, MP3_BITRATE_KBPS, MAX_VOICE_BYTES } from "./speech.js";
export type { SpeechSynthesizer, SpeechPackages } from "./speech.js";
export {
  transcribe,
  TranscriptionError,
  MAX_VOICE_NOTE_SECONDS,
  MAX_VOICE_NOTE_BYTES,
  MAX_TRANSCRIPTION_REPLY_BYTES,
} from "./transcription.js";
export type { TranscriptionConfig } from "./transcription.js";
