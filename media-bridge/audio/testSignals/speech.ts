import { synthesize } from '../../../sandbox/speech/synthesizer.js';
import { FRAME_BYTES } from '../../../common/audio/mulaw.js';
import { fromMulaw, levelledTo, type Pcm } from './pcm.js';

/** Sandbox-synthesized speech as linear audio at an RMS level of `dbfs` (50 ms of silence at each end). */
export async function speech(text: string, voice = 'en-us', dbfs = -20): Promise<Pcm> {
  return levelledTo(fromMulaw(await synthesize(text, { voice })), dbfs);
}

/** The consecutive 20 ms frames of a mu-law recording (a trailing partial frame is dropped). */
export function framesOf(audio: Buffer): Buffer[] {
  const frames: Buffer[] = [];
  for (let at = 0; at + FRAME_BYTES <= audio.length; at += FRAME_BYTES) frames.push(audio.subarray(at, at + FRAME_BYTES));
  return frames;
}
