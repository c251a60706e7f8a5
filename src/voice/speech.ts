import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { setImmediate as nextTurn } from "node:timers/promises";
import type ESpeakNg from "espeak-ng";
import type { EspeakInstance } from "espeak-ng";
import type { Language } from "../corpus/index.js";
import { MAX_SPOKEN_CHARS } from "./speakable.js";

/**
 * Spoken answers, made offline on demand: eSpeak NG (the optional `espeak-ng` package, its
 * WebAssembly build) speaks the text to WAV in its in-memory file system, and the optional
 * `@breezystack/lamejs` encodes that to MP3 for Telegram's sendVoice. Nothing touches the disk.
 */

/** Words a minute: eSpeak's default 175 is quick for someone listening in a second language. */
export const SPEECH_RATE_WPM = 150;

/** eSpeak speaks 22.05 kHz mono; 32 kbit/s keeps its voice clear in 4 kB a second. */
export const MP3_BITRATE_KBPS = 32;

/**
 * The largest voice message made. Telegram takes 50 MB through sendVoice, but a bounded answer
 * (MAX_SPOKEN_CHARS, under a minute) is under 240 kB at MP3_BITRATE_KBPS: past this, something is wrong.
 */
export const MAX_VOICE_BYTES = 512 * 1024;

/** eSpeak NG voices: France French and British English. */
const VOICES: Record<Language, string> = { fr: "fr", en: "en" };
const INPUT_PATH = "/answer.txt";
const OUTPUT_PATH = "/answer.wav";
/** About a second of audio per encoding step, so the bot serves others between steps. */
const SAMPLES_PER_STEP = 1152 * 20;
const INSTALL = "npm install --include=optional";

/** Node's WebAssembly, typed for what is used here: the repo's `lib` (no DOM) does not declare it. */
interface WasmRuntime {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<object>;
}
const wasmRuntime = (globalThis as unknown as { WebAssembly: WasmRuntime }).WebAssembly;

export interface SpeechSynthesizer {
  /** An MP3 of `text` (from speakableText) in the voice of `lang`. */
  speak(text: string, lang: Language): Promise<Buffer>;
}

/** Speech could not be made; the message says why, never what was to be said. */
export class SpeechError extends Error {
  override name = "SpeechError";
}

interface Mp3Encoder {
  encodeBuffer(samples: Int16Array): ArrayBufferView;
  flush(): ArrayBufferView;
}
type Mp3EncoderClass = new (channels: number, sampleRate: number, kbps: number) => Mp3Encoder;

interface EspeakPackage {
  ESpeakNg: typeof ESpeakNg;
  wasmPath: string;
}

/** Where the two optional packages come from; a test swaps one for a missing one. */
export interface SpeechPackages {
  espeak(): Promise<EspeakPackage>;
  lame(): Promise<Mp3EncoderClass>;
}

export const INSTALLED_PACKAGES: SpeechPackages = {
  async espeak() {
    const { default: ESpeakNg } = await import("espeak-ng");
    return { ESpeakNg, wasmPath: createRequire(import.meta.url).resolve("espeak-ng/dist/espeak-ng.wasm") };
  },
  async lame() {
    return (await import("@breezystack/lamejs")).Mp3Encoder;
  },
};

/**
 * The synthesizer when both packages load (the engine itself compiles on the first answer
 * spoken), or why there is none: then the bot offers no spoken answers.
 */
export async function createSpeechSynthesizer(packages: SpeechPackages = INSTALLED_PACKAGES): Promise<{ synthesizer?: SpeechSynthesizer; reason?: string }> {
  try {
    const [espeak, Mp3Encoder] = await Promise.all([packages.espeak().catch(unavailable("espeak-ng")), packages.lame().catch(unavailable("@breezystack/lamejs"))]);
    return { synthesizer: new EspeakSynthesizer(espeak, Mp3Encoder) };
  } catch (error) {
    return { reason: (error as Error).message };
  }
}

function unavailable(name: string): (error: unknown) => never {
  return (error) => {
    throw new SpeechError(`${name} could not be loaded (${(error as Error).message}); spoken answers need it: run \`${INSTALL}\``);
  };
}

class EspeakSynthesizer implements SpeechSynthesizer {
  private engine?: Promise<object>;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly espeak: EspeakPackage,
    private readonly Mp3Encoder: Mp3EncoderClass,
  ) {}

  /**
   * One answer at a time: each run makes a fresh eSpeak instance (32 MB of memory and 18 MB
   * of voice data), so waiting in line bounds memory; the work holds the CPU anyway.
   */
  speak(text: string, lang: Language): Promise<Buffer> {
    const spoken = this.queue.then(() => this.synthesize(text, lang));
    this.queue = spoken.then(
      () => undefined,
      () => undefined,
    );
    return spoken;
  }

  private async synthesize(text: string, lang: Language): Promise<Buffer> {
    if (!text.trim()) throw new SpeechError("there is nothing to say");
    if (text.length > MAX_SPOKEN_CHARS) throw new SpeechError(`the text is longer than ${MAX_SPOKEN_CHARS} characters: pass it through speakableText first`);
    const mp3 = await encodeMp3(parseWav(await this.wav(text, lang)), this.Mp3Encoder);
    if (mp3.byteLength > MAX_VOICE_BYTES) throw new SpeechError(`the voice message would be larger than ${MAX_VOICE_BYTES} bytes`);
    return mp3;
  }

  /** The compiled engine, made once and kept: compiling its 18 MB of wasm is the slow part of a first answer. */
  private compiled(): Promise<object> {
    this.engine ??= readFile(this.espeak.wasmPath)
      .then((bytes) => wasmRuntime.compile(bytes))
      .catch((error: unknown) => {
        this.engine = undefined; // a later answer tries again
        throw new SpeechError(`the eSpeak NG engine could not be loaded (${(error as Error).message})`);
      });
    return this.engine;
  }

  /** One run of the eSpeak NG command line in a fresh instance: text in, WAV out, both in its in-memory file system. */
  private async wav(text: string, lang: Language): Promise<Uint8Array> {
    const engine = await this.compiled();
    const errors: string[] = [];
    const exitCode = process.exitCode; // Emscripten's exit sets the process's exit code
    try {
      return await new Promise<Uint8Array>((resolve, reject) => {
        let instance: EspeakInstance | undefined;
        this.espeak
          .ESpeakNg({
            arguments: ["-v", VOICES[lang], "-s", String(SPEECH_RATE_WPM), "-b", "1", "-f", INPUT_PATH, "-w", OUTPUT_PATH],
            print: () => undefined,
            printErr: (line) => errors.push(line),
            preRun: [
              (created) => {
                instance = created;
                created.FS.writeFile(INPUT_PATH, text);
              },
            ],
            instantiateWasm: (imports, receive) => {
              wasmRuntime.instantiate(engine, imports)
                .then((wasm) => {
                  receive(wasm); // runs main(): the WAV is written when it returns
                  resolve(instance!.FS.readFile(OUTPUT_PATH));
                })
                .catch(reject);
              return {};
            },
          })
          .catch(reject);
      });
    } catch (error) {
      throw new SpeechError(`eSpeak NG made no audio (${errors[0] ?? (error as Error).message})`);
    } finally {
      process.exitCode = exitCode;
    }
  }
}

/** The samples of eSpeak's WAV (16-bit mono PCM) and their rate. */
function parseWav(wav: Uint8Array): { samples: Int16Array; sampleRate: number } {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const tag = (at: number) => String.fromCharCode(...wav.subarray(at, at + 4));
  if (wav.byteLength < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw new SpeechError("eSpeak NG's output is not a WAV file");
  let sampleRate = 0;
  for (let at = 12; at + 8 <= wav.byteLength; ) {
    const size = view.getUint32(at + 4, true);
    if (tag(at) === "fmt ") {
      const [format, channels, bits] = [view.getUint16(at + 8, true), view.getUint16(at + 10, true), view.getUint16(at + 22, true)];
      if (format !== 1 || channels !== 1 || bits !== 16) throw new SpeechError("eSpeak NG's output is not 16-bit mono PCM");
      sampleRate = view.getUint32(at + 12, true);
    } else if (tag(at) === "data" && sampleRate) {
      const samples = new Int16Array(Math.floor(Math.min(size, wav.byteLength - at - 8) / 2));
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(at + 8 + 2 * i, true);
      if (samples.length === 0) break;
      return { samples, sampleRate };
    }
    at += 8 + size + (size % 2);
  }
  throw new SpeechError("eSpeak NG's output has no audio");
}

async function encodeMp3({ samples, sampleRate }: { samples: Int16Array; sampleRate: number }, Mp3Encoder: Mp3EncoderClass): Promise<Buffer> {
  const encoder = new Mp3Encoder(1, sampleRate, MP3_BITRATE_KBPS);
  const frames: ArrayBufferView[] = [];
  for (let at = 0; at < samples.length; at += SAMPLES_PER_STEP) {
    frames.push(encoder.encodeBuffer(samples.subarray(at, at + SAMPLES_PER_STEP)));
    await nextTurn();
  }
  frames.push(encoder.flush());
  return Buffer.concat(frames.map((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength)));
}
