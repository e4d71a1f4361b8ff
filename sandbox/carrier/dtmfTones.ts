import { encodeMulaw, SAMPLE_RATE, silence } from '../../common/audio/mulaw.js';

const ROWS = [697, 770, 852, 941];
const COLUMNS = [1209, 1336, 1477, 1633];
const KEYPAD = ['123A', '456B', '789C', '*0#D'];

const TONE_MS = 160;
const GAP_MS = 80;
/** `w` in `<Play digits>` waits half a second. */
const WAIT_MS = 500;
const TONE_AMPLITUDE = 0.3 * 32767;

export const PLAYABLE_DIGITS = /^[0-9*#w]+$/;

export type DigitStep = { digit: string; audio: Buffer } | { digit: null; audio: Buffer };

function frequenciesOf(digit: string): [number, number] {
  const row = KEYPAD.findIndex((keys) => keys.includes(digit));
  if (row < 0) throw new Error(`not a DTMF digit: ${digit}`);
  return [ROWS[row], COLUMNS[KEYPAD[row].indexOf(digit)]];
}

/** The in-band dual tone for one key, followed by the inter-digit gap. */
export function dtmfToneAudio(digit: string): Buffer {
  const [low, high] = frequenciesOf(digit);
  const samples = new Int16Array((SAMPLE_RATE * TONE_MS) / 1000);
  for (let i = 0; i < samples.length; i++) {
    const t = i / SAMPLE_RATE;
    samples[i] = TONE_AMPLITUDE * (Math.sin(2 * Math.PI * low * t) + Math.sin(2 * Math.PI * high * t));
  }
  return Buffer.concat([encodeMulaw(samples), silence(GAP_MS)]);
}

/** What `<Play digits="...">` plays, step by step: a tone per digit, half a second of silence per `w`. */
export function digitSteps(digits: string): DigitStep[] {
  return [...digits].map((digit) =>
    digit === 'w' ? { digit: null, audio: silence(WAIT_MS) } : { digit, audio: dtmfToneAudio(digit) },
  );
}
