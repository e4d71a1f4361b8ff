import { decodeSample, encodeSample, FRAME_BYTES, MULAW_SILENCE } from '../../common/audio/mulaw.js';

/** Both mu-law zeros (0xff and 0x7f) decode to silence. */
function isSilent(frame: Buffer): boolean {
  for (let i = 0; i < frame.length; i++) if ((frame[i] & 0x7f) !== 0x7f) return false;
  return true;
}

/**
 * The sum of several mu-law frames, clipped, as a conference bridge mixes its members. A frame with a
 * single audible source passes through byte for byte, so the sandbox's speech stays recognizable
 * whenever one person talks at a time.
 */
export function mixFrames(frames: readonly Buffer[]): Buffer {
  const audible = frames.filter((frame) => !isSilent(frame));
  if (audible.length === 0) return Buffer.alloc(FRAME_BYTES, MULAW_SILENCE);
  if (audible.length === 1) return Buffer.from(audible[0]);
  const length = Math.max(...audible.map((frame) => frame.length));
  const out = Buffer.alloc(length, MULAW_SILENCE);
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const frame of audible) if (i < frame.length) sum += decodeSample(frame[i]);
    out[i] = encodeSample(sum);
  }
  return out;
}
