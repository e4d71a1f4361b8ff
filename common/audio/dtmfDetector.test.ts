import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesize } from '../../sandbox/speech/synthesizer.js';
import { DtmfDetector, detectKeyTone } from './dtmfDetector.js';
import { DTMF_KEYS, frequenciesOfKey } from './dtmfKeypad.js';
import { decodeSample, encodeMulaw, FRAME_BYTES, SAMPLE_RATE, silence } from './mulaw.js';

const ALL_KEYS = DTMF_KEYS.join('');

/** Sum of sines of the given amplitudes (fractions of full scale). */
function tones(ms: number, parts: Array<[hz: number, amplitude: number]>): Buffer {
  const samples = new Int16Array((SAMPLE_RATE * ms) / 1000);
  for (let i = 0; i < samples.length; i++) {
    const t = i / SAMPLE_RATE;
    samples[i] = parts.reduce((sum, [hz, amplitude]) => sum + amplitude * 32767 * Math.sin(2 * Math.PI * hz * t), 0);
  }
  return encodeMulaw(samples);
}

/** Reproducible white noise (a linear congruential generator), amplitude as a fraction of full scale. */
function noise(ms: number, amplitude: number): Int16Array {
  const samples = new Int16Array((SAMPLE_RATE * ms) / 1000);
  let state = 12345;
  for (let i = 0; i < samples.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    samples[i] = (state / 2 ** 32 - 0.5) * 2 * amplitude * 32767;
  }
  return samples;
}

function keyTone(key: string, ms: number, amplitude = 0.3, twistDb = 0): Buffer {
  const [row, column] = frequenciesOfKey(key);
  return tones(ms, [
    [row, amplitude],
    [column, amplitude * 10 ** (-twistDb / 20)],
  ]);
}

/** Runs audio through a detector in 20 ms frames and returns the keys it reported. */
function pressesIn(audio: Buffer): string {
  const detector = new DtmfDetector();
  const padded = Buffer.concat([audio, silence(100)]);
  let keys = '';
  for (let offset = 0; offset + FRAME_BYTES <= padded.length; offset += FRAME_BYTES) {
    keys += detector.push(padded.subarray(offset, offset + FRAME_BYTES)) ?? '';
  }
  return keys;
}

test('every key of the keypad is heard, wherever its tone starts within a frame', () => {
  for (const key of ALL_KEYS) {
    for (const leadMs of [0, 5, 13]) {
      assert.equal(pressesIn(Buffer.concat([silence(leadMs), keyTone(key, 100)])), key, `key ${key} after ${leadMs} ms`);
    }
  }
});

test('a dialled sequence comes out in order, repeated keys included, at keypad timing (160 ms tone, 80 ms gap)', () => {
  const digits = '0118999*#';
  const audio = Buffer.concat([...digits].flatMap((key) => [keyTone(key, 160), silence(80)]));
  assert.equal(pressesIn(audio), digits);
});

test('a tone held for a long time is one press', () => {
  assert.equal(pressesIn(keyTone('5', 2000)), '5');
});

test('quiet keypads are heard; tones below the noise floor and blips shorter than 40 ms are not', () => {
  assert.equal(pressesIn(keyTone('7', 120, 0.03)), '7');
  assert.equal(pressesIn(keyTone('7', 120, 0.004)), '');
  assert.equal(pressesIn(keyTone('7', 20)), '');
});

test('moderate twist is accepted, a row tone 12 dB louder than its column is not', () => {
  assert.equal(pressesIn(keyTone('9', 120, 0.3, 4)), '9');
  assert.equal(pressesIn(keyTone('9', 120, 0.3, -6)), '9');
  assert.equal(pressesIn(keyTone('9', 120, 0.3, 12)), '');
});

test('keys survive line noise', () => {
  const hiss = noise(240, 0.03);
  const tone = keyTone('3', 240);
  const noisy = encodeMulaw(hiss.map((sample, i) => sample + decodeSample(tone[i])));
  assert.equal(pressesIn(noisy), '3');
});

test('speech, dial tone, a beep and noise contain no keys', async () => {
  const speech = await synthesize('For billing, press one. For technical support, press two. To speak with an agent, press zero or say representative.');
  const spanish = await synthesize('Para facturación, oprima uno. Para hablar con un agente, oprima cero.', { voice: 'es' });
  const others = [tones(1000, [[350, 0.2], [440, 0.2]]), tones(500, [[1000, 0.4]]), tones(500, [[697, 0.4]]), encodeMulaw(noise(1000, 0.3))];
  for (const audio of [speech, spanish, ...others]) assert.equal(pressesIn(audio), '');
});

test('a single frame can be classified on its own', () => {
  assert.equal(detectKeyTone(keyTone('#', 20)), '#');
  assert.equal(detectKeyTone(silence(20)), null);
  assert.equal(detectKeyTone(keyTone('#', 5)), null, 'too short to tell tones apart');
});

