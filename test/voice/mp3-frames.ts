/** Reads an MP3 frame by frame, checking every header: what a player would need to play it. */

const BITRATES_KBPS = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] } as Record<number, number[]>;

export interface Mp3Summary {
  frames: number;
  seconds: number;
  sampleRate: number;
  bitrateKbps: number;
  mono: boolean;
}

/** Every frame must start with the 11-bit sync (0xFFE0 mask), say layer III, and end where the next begins. */
export function readMp3(mp3: Uint8Array): Mp3Summary {
  let at = 0;
  let frames = 0;
  let samples = 0;
  let first: Omit<Mp3Summary, "frames" | "seconds"> | undefined;
  while (at < mp3.length) {
    if (at + 4 > mp3.length) throw new Error(`a truncated frame header at byte ${at}`);
    const [b0, b1, b2, b3] = [mp3[at]!, mp3[at + 1]!, mp3[at + 2]!, mp3[at + 3]!];
    if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) throw new Error(`no frame sync at byte ${at}`);
    const version = (b1 >> 3) & 0b11; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    if (version === 1) throw new Error(`a reserved MPEG version at byte ${at}`);
    if (((b1 >> 1) & 0b11) !== 0b01) throw new Error(`not layer III at byte ${at}`);
    const bitrateKbps = (version === 3 ? BITRATES_KBPS.mpeg1 : BITRATES_KBPS.mpeg2)[b2 >> 4];
    const sampleRate = SAMPLE_RATES[version]![(b2 >> 2) & 0b11];
    if (!bitrateKbps || !sampleRate) throw new Error(`a bad bitrate or sample rate at byte ${at}`);
    const padding = (b2 >> 1) & 1;
    const mono = b3 >> 6 === 0b11;
    first ??= { sampleRate, bitrateKbps, mono };
    const samplesPerFrame = version === 3 ? 1152 : 576;
    const length = Math.floor((samplesPerFrame / 8) * ((bitrateKbps * 1000) / sampleRate)) + padding;
    if (at + length > mp3.length) throw new Error(`the last frame is cut short at byte ${at}`);
    at += length;
    frames++;
    samples += samplesPerFrame;
  }
  if (!first) throw new Error("no frame");
  return { frames, seconds: samples / first.sampleRate, ...first };
}
