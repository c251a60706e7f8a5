import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createSpeechSynthesizer,
  MAX_SPOKEN_CHARS,
  MAX_VOICE_BYTES,
  MP3_BITRATE_KBPS,
  SPEECH_RATE_WPM,
  SpeechError,
  speakableText,
  type SpeechSynthesizer,
} from "../../src/voice/index.js";
import { INSTALLED_PACKAGES } from "../../src/voice/speech.js";
import { readMp3 } from "./mp3-frames.js";

const FRENCH = speakableText(
  "En Tunisie, la pénalité pour séjour irrégulier ou pour dépassement du visa touristique est de 20 TND par semaine [1]. " +
    "L'amende s'accumule tant qu'elle n'est pas payée, et on ne peut pas quitter le pays avant de l'avoir réglée [1].",
  "fr",
);
const ENGLISH = speakableText("In Tunisia, the penalty for overstaying a tourist visa is 20 TND per week [1]. The fine keeps adding up until it is paid [1].", "en");

/** Seconds the words should take at the speech rate, within a factor of two (pauses, numbers said in full). */
function expectPlausibleDuration(seconds: number, text: string): void {
  const expected = (text.split(/\s+/).length / SPEECH_RATE_WPM) * 60;
  expect(seconds).toBeGreaterThan(expected / 2);
  expect(seconds).toBeLessThan(expected * 2);
}

let synthesizer: SpeechSynthesizer;
beforeAll(async () => {
  const made = await createSpeechSynthesizer();
  expect(made.reason).toBeUndefined();
  synthesizer = made.synthesizer!;
});
afterEach(() => vi.restoreAllMocks());

describe("spoken answers", () => {
  it("speaks a French answer as a valid mono MP3 of a plausible length", async () => {
    const mp3 = await synthesizer.speak(FRENCH, "fr");
    expect(mp3.readUInt16BE(0) & 0xffe0).toBe(0xffe0); // frame sync: eleven 1 bits
    expect((mp3[1]! >> 1) & 0b11).toBe(0b01); // layer III
    const audio = readMp3(mp3);
    expect(audio).toMatchObject({ mono: true, bitrateKbps: MP3_BITRATE_KBPS, sampleRate: 22050 });
    expectPlausibleDuration(audio.seconds, FRENCH);
  });

  it("speaks English in another voice than French", async () => {
    const english = await synthesizer.speak(ENGLISH, "en");
    expectPlausibleDuration(readMp3(english).seconds, ENGLISH);
    const sameWords = "Tunisie, Mali, Niger.";
    expect((await synthesizer.speak(sameWords, "fr")).equals(await synthesizer.speak(sameWords, "en"))).toBe(false);
  });

  it("keeps the longest answer under a minute and under the size cap", async () => {
    const longest = speakableText("Les migrants qui dépassent la durée de leur visa en Tunisie paient une amende chaque semaine [1]. ".repeat(20), "fr");
    expect(longest.length).toBeGreaterThan(MAX_SPOKEN_CHARS - 100);
    const mp3 = await synthesizer.speak(longest, "fr");
    expect(readMp3(mp3).seconds).toBeLessThan(60);
    expect(mp3.byteLength).toBeLessThan(MAX_VOICE_BYTES);
  });

  it("answers concurrent calls one at a time, each with its own whole audio", async () => {
    const [a, b, c] = await Promise.all([synthesizer.speak(FRENCH, "fr"), synthesizer.speak(ENGLISH, "en"), synthesizer.speak(FRENCH, "fr")]);
    expect(a!.equals(c!)).toBe(true);
    expect(readMp3(b!).frames).toBeGreaterThan(0);
  });

  it("writes nothing to the console and leaves the process exit code alone", async () => {
    const log = vi.spyOn(console, "log");
    const error = vi.spyOn(console, "error");
    const warn = vi.spyOn(console, "warn");
    process.exitCode = undefined;
    await synthesizer.speak(FRENCH, "fr");
    expect(process.exitCode).toBeUndefined();
    expect([...log.mock.calls, ...error.mock.calls, ...warn.mock.calls]).toEqual([]);
  });

  it("refuses empty and unbounded text, and keeps working after", async () => {
    await expect(synthesizer.speak("  ", "fr")).rejects.toThrow(SpeechError);
    await expect(synthesizer.speak("mot ".repeat(MAX_SPOKEN_CHARS), "fr")).rejects.toThrow(/speakableText/);
    expect(readMp3(await synthesizer.speak("Bonjour.", "fr")).frames).toBeGreaterThan(0);
  });
});

describe("without the optional packages", () => {
  const notInstalled = (name: string) => () => import(name); // a real module-not-found error

  it("gives the reason when espeak-ng is missing", async () => {
    const made = await createSpeechSynthesizer({ ...INSTALLED_PACKAGES, espeak: notInstalled("espeak-ng-not-installed") });
    expect(made.synthesizer).toBeUndefined();
    expect(made.reason).toMatch(/^espeak-ng could not be loaded \(.*espeak-ng-not-installed.*\); .*npm install --include=optional/);
  });

  it("gives the reason when @breezystack/lamejs is missing", async () => {
    const made = await createSpeechSynthesizer({ ...INSTALLED_PACKAGES, lame: notInstalled("@breezystack/lamejs-not-installed") });
    expect(made.synthesizer).toBeUndefined();
    expect(made.reason).toMatch(/^@breezystack\/lamejs could not be loaded .*npm install --include=optional/);
  });

  it("says the engine could not load when its wasm is missing, and tries again next time", async () => {
    const espeak = await INSTALLED_PACKAGES.espeak();
    let wasmPath = "/nonexistent/espeak-ng.wasm";
    const { synthesizer: broken } = await createSpeechSynthesizer({ ...INSTALLED_PACKAGES, espeak: async () => ({ ...espeak, get wasmPath() { return wasmPath; } }) });
    await expect(broken!.speak("Bonjour.", "fr")).rejects.toThrow(/engine could not be loaded/);
    wasmPath = espeak.wasmPath;
    expect(readMp3(await broken!.speak("Bonjour.", "fr")).frames).toBeGreaterThan(0);
  });
});
