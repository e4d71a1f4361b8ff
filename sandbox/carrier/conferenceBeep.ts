import { encodeMulaw, FRAME_BYTES, SAMPLE_RATE } from '../../common/audio/mulaw.js';

/** `beep` of `<Conference>` and `Beep` of the Participants API: when the room hears a tone for a member. */
export const CONFERENCE_BEEPS = ['true', 'false', 'onEnter', 'onExit'] as const;
export type ConferenceBeep = (typeof CONFERENCE_BEEPS)[number];

export function isConferenceBeep(value: string): value is ConferenceBeep {
  return (CONFERENCE_BEEPS as readonly string[]).includes(value);
}

export function beepsOnEnter(beep: ConferenceBeep): boolean {
  return beep === 'true' || beep === 'onEnter';
}

export function beepsOnExit(beep: ConferenceBeep): boolean {
  return beep === 'true' || beep === 'onExit';
}

const BEEP_HZ = 880;
const BEEP_MS = 240;
const BEEP_AMPLITUDE = 0.25 * 32767;

/** The sandbox's stand-in for Twilio's join/leave beep: a short sine tone, as 20 ms frames. */
export function beepFrames(): Buffer[] {
  const samples = new Int16Array((SAMPLE_RATE * BEEP_MS) / 1000);
  for (let i = 0; i < samples.length; i++) samples[i] = BEEP_AMPLITUDE * Math.sin((2 * Math.PI * BEEP_HZ * i) / SAMPLE_RATE);
  const audio = encodeMulaw(samples);
  const frames: Buffer[] = [];
  for (let offset = 0; offset < audio.length; offset += FRAME_BYTES) frames.push(audio.subarray(offset, offset + FRAME_BYTES));
  return frames;
}
