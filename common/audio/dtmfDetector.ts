import { DTMF_COLUMN_HZ, DTMF_ROW_HZ, keyAt } from './dtmfKeypad.js';
import { decodeMulaw } from './mulaw.js';
import { goertzelCoefficient, goertzelPower } from './goertzel.js';

/** Quieter frames are not examined (about -40 dBFS RMS; keypads send -10 to -25). */
const MIN_MEAN_SQUARE = (0.01 * 32768) ** 2;
/** Share of the frame's energy the two tones must carry: speech and music spread theirs wider. */
const MIN_TONE_SHARE = 0.6;
/** The strongest row (column) must beat every other row (column) by 6 dB. */
const MIN_DOMINANCE = 4;
/** Allowed level difference between the row and the column tone (twist): 8 dB either way. */
const MAX_TWIST = 10 ** 0.8;
/** A press needs its tone in this many frames in a row (40 ms, the ITU minimum tone length). */
const MIN_TONE_FRAMES = 2;
/** Frames without the tone that end a press, so flicker at the tone's edges is not a second press. */
const RELEASE_FRAMES = 2;
/** Shorter chunks hold too few cycles to tell neighbouring tones apart. */
const MIN_SAMPLES = 80;

const ROW_COEFFICIENTS = DTMF_ROW_HZ.map(goertzelCoefficient);
const COLUMN_COEFFICIENTS = DTMF_COLUMN_HZ.map(goertzelCoefficient);


/** Index of the strongest power, or -1 when it does not dominate the others. */
function dominant(powers: number[]): number {
  let best = 0;
  for (let i = 1; i < powers.length; i++) if (powers[i] > powers[best]) best = i;
  const dominates = powers.every((power, i) => i === best || power * MIN_DOMINANCE <= powers[best]);
  return dominates ? best : -1;
}

/** The key whose dual tone fills this chunk of mu-law audio, or null. */
export function detectKeyTone(mulaw: Uint8Array): string | null {
  if (mulaw.length < MIN_SAMPLES) return null;
  const samples = decodeMulaw(mulaw);
  let energy = 0;
  for (let i = 0; i < samples.length; i++) energy += samples[i] * samples[i];
  if (energy / samples.length < MIN_MEAN_SQUARE) return null;
  const rows = ROW_COEFFICIENTS.map((coefficient) => goertzelPower(samples, coefficient));
  const columns = COLUMN_COEFFICIENTS.map((coefficient) => goertzelPower(samples, coefficient));
  const row = dominant(rows);
  const column = dominant(columns);
  if (row < 0 || column < 0) return null;
  const rowPower = rows[row];
  const columnPower = columns[column];
  if (rowPower > columnPower * MAX_TWIST || columnPower > rowPower * MAX_TWIST) return null;
  // A pure tone of amplitude a over n samples has Goertzel power (a n / 2)^2 and energy n a^2 / 2.
  const share = (2 * (rowPower + columnPower)) / (samples.length * energy);
  return share >= MIN_TONE_SHARE ? keyAt(row, column) : null;
}

/**
 * Finds key presses in a stream of mu-law frames (in-band DTMF), one report per press however long
 * the key is held. Feed it consecutive 20 ms frames.
 */
export class DtmfDetector {
  private key: string | null = null;
  private toneFrames = 0;
  private quietFrames = 0;
  private reported = false;
  private lastFrameTone: string | null = null;

  /** The key tone heard in the last frame (even one too short to count as a press yet). */
  get toneInLastFrame(): string | null {
    return this.lastFrameTone;
  }

  /** Returns the key once its tone has lasted long enough to be a press; null otherwise. */
  push(frame: Uint8Array): string | null {
    const tone = detectKeyTone(frame);
    this.lastFrameTone = tone;
    if (tone === null) {
      if (this.key !== null && ++this.quietFrames >= RELEASE_FRAMES) this.release();
      return null;
    }
    if (tone !== this.key) {
      this.release();
      this.key = tone;
    }
    this.quietFrames = 0;
    this.toneFrames++;
    if (this.reported || this.toneFrames < MIN_TONE_FRAMES) return null;
    this.reported = true;
    return tone;
  }

  private release(): void {
    this.key = null;
    this.toneFrames = 0;
    this.quietFrames = 0;
    this.reported = false;
  }
}
