import type { Language } from "../corpus/index.js";
import { type SpeechSynthesizer, speakableText, type TranscriptionConfig } from "../voice/index.js";
import type { KeyedStorage, StorageFactory } from "./keyed-storage.js";

/**
 * Voice in the bot, both halves optional: answers read aloud (when the speech packages are
 * installed) and voice notes transcribed (when STT_BASE_URL is set).
 */
export interface VoiceServices {
  synthesizer?: SpeechSynthesizer;
  transcription?: TranscriptionConfig;
  /** Where voice notes are downloaded from: `${fileRoot}/file/bot<token>/<path>`. */
  fileRoot: string;
  /** What each answer's 🔊 button reads: the answer's words (report text, no question), 24 hours. */
  spoken: SpokenAnswers;
}

/** An answer's 🔊 button works as long as its sources button. */
const SPOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const CAPACITY = 2_000;

/** What an answer's 🔊 reads, in which voice. */
export interface Spoken {
  text: string;
  lang: Language;
}

/** The words of recent answers, under the answer's id, so that 🔊 works on any replica. */
export class SpokenAnswers {
  private readonly answers: KeyedStorage<Spoken>;

  constructor(storage: StorageFactory) {
    this.answers = storage<Spoken>("spoken", SPOKEN_TTL_MS, CAPACITY);
  }

  /** Keeps what an answer would say, under its id; false when there is nothing to say. */
  async keep(answerId: string, answerText: string, lang: Language): Promise<boolean> {
    const text = speakableText(answerText, lang);
    if (!text) return false;
    await this.answers.write(answerId, { text, lang });
    return true;
  }

  get(answerId: string): Promise<Spoken | undefined> {
    return this.answers.read(answerId);
  }
}
