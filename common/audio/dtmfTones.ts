import { frequenciesOfKey } from './dtmfKeypad.js';
import { encodeMulaw, FRAME_BYTES, MULAW_SILENCE, SAMPLE_RATE, silence } from './mulaw.js';

export interface DtmfTimings {
  /** How long each key's dual tone lasts: 70-100 ms, long enough for strict receivers, short enough to stay one press. */
  toneMs?: number;
  /** Silence after each tone, at least 50 ms, so a repeated key ("11") is heard as two presses. */
  gapMs?: number;
}

export const DEFAULT_TONE_MS = 90;
export const DEFAULT_GAP_MS = 70;
/** `w` waits half a second, as in Twilio's `<Play digits>`. */
export const WAIT_MS = 500;
const MIN_TONE_MS = 70;
const MAX_TONE_MS = 100;
const MIN_GAP_MS = 50;

/**
 * Levels per tone at telephone-keypad strength, the high (column) group 2 dB above the low (row)
 * group: the "forward twist" phones use because lines lose more at higher frequencies. -9 and -7 dBm0
 * are about -15 and -13 dBFS RMS; the pair about -11 dBFS, peaking near half of full scale.
 */
export const LOW_GROUP_DBM0 = -9;
export const HIGH_GROUP_DBM0 = -7;
/**
 * RMS of a 0 dBm0 sine relative to full scale (32768): G.711's digital milliwatt peaks 3.17 dB below
 * mu-law's largest value (32124), so its RMS is 3.01 + 3.17 + 0.17 dB below full scale.
 */
const DBM0_RMS_DBFS = -6.35;
/** Raised-cosine edges keep the tone's spectrum narrow: a hard switch-on clicks across the band. */
const EDGE_MS = 4;

const KEYS = /^[0-9*#A-Dw]+$/;

/** Peak amplitude (in 16-bit sample units) of a sine whose level is `dbm0`. */
function amplitudeOf(dbm0: number): number {
  return 32768 * Math.SQRT2 * 10 ** ((dbm0 + DBM0_RMS_DBFS) / 20);
}

const LOW_AMPLITUDE = amplitudeOf(LOW_GROUP_DBM0);
const HIGH_AMPLITUDE = amplitudeOf(HIGH_GROUP_DBM0);

const samplesIn = (ms: number) => Math.round((SAMPLE_RATE * ms) / 1000);

function checkTimings(toneMs: number, gapMs: number): void {
  if (!Number.isFinite(toneMs) || toneMs < MIN_TONE_MS || toneMs > MAX_TONE_MS) {
    throw new RangeError(`dtmfAudio: toneMs must be ${MIN_TONE_MS}-${MAX_TONE_MS} ms (far-end receivers miss shorter tones), got ${toneMs}`);
  }
  if (!Number.isFinite(gapMs) || gapMs < MIN_GAP_MS) {
    throw new RangeError(`dtmfAudio: gapMs must be at least ${MIN_GAP_MS} ms (shorter gaps merge repeated keys), got ${gapMs}`);
  }
}

/** One key's dual tone, `ms` long, as 8 kHz mu-law. */
export function keyTone(key: string, ms: number): Buffer {
  const [lowHz, highHz] = frequenciesOfKey(key);
  const samples = new Int16Array(samplesIn(ms));
  const edge = samplesIn(EDGE_MS);
  for (let i = 0; i < samples.length; i++) {
    const fromEnd = samples.length - 1 - i;
    const ramp = i < edge ? 0.5 - 0.5 * Math.cos((Math.PI * i) / edge) : fromEnd < edge ? 0.5 - 0.5 * Math.cos((Math.PI * fromEnd) / edge) : 1;
    const t = i / SAMPLE_RATE;
    samples[i] = ramp * (LOW_AMPLITUDE * Math.sin(2 * Math.PI * lowHz * t) + HIGH_AMPLITUDE * Math.sin(2 * Math.PI * highHz * t));
  }
  return encodeMulaw(samples);
}

/**
 * In-band DTMF for a key sequence, as 8 kHz mu-law: each key's tone followed by its gap, and half a
 * second of silence for each `w`. Keys: 0-9 * # A-D and w. Throws a RangeError for anything else,
 * and for timings far-end receivers would not take.
 */
export function dtmfAudio(digits: string, options: DtmfTimings = {}): Buffer {
  const toneMs = options.toneMs ?? DEFAULT_TONE_MS;
  const gapMs = options.gapMs ?? DEFAULT_GAP_MS;
  checkTimings(toneMs, gapMs);
  if (!KEYS.test(digits)) {
    throw new RangeError(`dtmfAudio: digits must be one or more of 0-9 * # A-D and w (a half-second pause), got "${digits}"`);
  }
  const gap = silence(gapMs);
  return Buffer.concat([...digits].flatMap((key) => (key === 'w' ? [silence(WAIT_MS)] : [keyTone(key, toneMs), gap])));
}

/** Audio cut into 20 ms frames of 160 bytes, the last one filled up with mu-law silence. */
export function toFrames(audio: Uint8Array): Buffer[] {
  const frames: Buffer[] = [];
  for (let at = 0; at < audio.length; at += FRAME_BYTES) {
    const frame = Buffer.alloc(FRAME_BYTES, MULAW_SILENCE);
    frame.set(audio.subarray(at, Math.min(audio.length, at + FRAME_BYTES)));
    frames.push(frame);
  }
  return frames;
}
