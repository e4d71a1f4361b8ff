import { decodeMulaw, SAMPLE_RATE } from '../../common/audio/mulaw.js';
import { goertzelPower } from '../../common/audio/goertzel.js';

/** Answering machine beeps sit between about 400 Hz and 2 kHz. */
const LOWEST_HZ = 400;
const HIGHEST_HZ = 2000;
/**
 * A 20 ms frame resolves 50 Hz; probing every 25 Hz keeps any tone within a quarter bin of a probe,
 * where it still shows about 80% of its power.
 */
const STEP_HZ = 25;
const PROBES = Array.from({ length: (HIGHEST_HZ - LOWEST_HZ) / STEP_HZ + 1 }, (_, i) => 2 * Math.cos((2 * Math.PI * (LOWEST_HZ + i * STEP_HZ)) / SAMPLE_RATE));
/** Share of a frame's energy one frequency must carry; speech and music spread theirs wider. */
const MIN_TONE_SHARE = 0.7;
/** Quieter frames are not examined (about -40 dBFS). */
const MIN_MEAN_SQUARE = (0.01 * 32768) ** 2;
/** A beep lasts at least this many frames (200 ms); shorter tones are chimes or DTMF-like blips. */
const MIN_BEEP_FRAMES = 10;
/** How far (in probes) the tone may wander between frames and still be the same beep. */
const MAX_DRIFT_PROBES = 2;


/** The probe index of the single tone that fills this frame, or -1. */
export function dominantTone(mulaw: Uint8Array): number {
  const samples = decodeMulaw(mulaw);
  let energy = 0;
  for (let i = 0; i < samples.length; i++) energy += samples[i] * samples[i];
  if (samples.length === 0 || energy / samples.length < MIN_MEAN_SQUARE) return -1;
  let best = -1;
  let bestPower = 0;
  for (let probe = 0; probe < PROBES.length; probe++) {
    const power = goertzelPower(samples, PROBES[probe]);
    if (power > bestPower) {
      bestPower = power;
      best = probe;
    }
  }
  // A pure tone of amplitude a over n samples has Goertzel power (a n / 2)^2 and energy n a^2 / 2.
  const share = (2 * bestPower) / (samples.length * energy);
  return share >= MIN_TONE_SHARE ? best : -1;
}

/** The frequency a probe index stands for. */
export function probeHz(probe: number): number {
  return LOWEST_HZ + probe * STEP_HZ;
}

/**
 * Hears an answering machine's beep in consecutive 20 ms mu-law frames: a steady single tone of at least
 * 200 ms. Reports on the first frame after the beep has ended, which is when a message can start.
 */
export class BeepDetector {
  private toneFrames = 0;
  private probe = -1;

  /** True on the frame that follows a finished beep. */
  push(frame: Uint8Array): boolean {
    const tone = dominantTone(frame);
    const continues = tone >= 0 && this.probe >= 0 && Math.abs(tone - this.probe) <= MAX_DRIFT_PROBES;
    if (continues) {
      this.toneFrames++;
      return false;
    }
    const beepEnded = this.toneFrames >= MIN_BEEP_FRAMES;
    this.probe = tone;
    this.toneFrames = tone >= 0 ? 1 : 0;
    return beepEnded;
  }
}
