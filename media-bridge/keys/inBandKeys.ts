import { dtmfAudio, toFrames, type DtmfTimings } from '../../common/audio/dtmfTones.js';
import { FRAME_MS } from '../../common/audio/mulaw.js';

export interface InBandKeys {
  /** Base64 mu-law media payloads, one 20 ms frame each, to send on the Media Stream in order. */
  payloads: string[];
  /** How long they play. */
  durationMs: number;
}

/**
 * Keys as DTMF tones in the call's own audio (for calls whose `options.keypad` is `in-band`): no
 * REST round trip and no new stream, but some IVRs only take the carrier's out-of-band events.
 */
export function inBandKeys(digits: string, timings: DtmfTimings = {}): InBandKeys {
  const payloads = toFrames(dtmfAudio(digits, timings)).map((frame) => frame.toString('base64'));
  return { payloads, durationMs: payloads.length * FRAME_MS };
}
