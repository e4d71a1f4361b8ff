import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DtmfDetector } from './dtmfDetector.js';
import { DTMF_COLUMN_HZ, DTMF_KEYS, DTMF_ROW_HZ, frequenciesOfKey } from './dtmfKeypad.js';
import { dtmfAudio, keyTone, toFrames } from './dtmfTones.js';
import { goertzelCoefficient, goertzelPower } from './goertzel.js';
import { decodeMulaw, FRAME_BYTES, MULAW_SILENCE, silence } from './mulaw.js';

const ALL_KEYS = DTMF_KEYS.join('');

/** What the detector hears when the audio starts `leadMs` into a 20 ms frame. */
function decoded(audio: Buffer, leadMs = 0): string {
  const detector = new DtmfDetector();
  let keys = '';
  for (const frame of toFrames(Buffer.concat([silence(leadMs), audio, silence(100)]))) keys += detector.push(frame) ?? '';
  return keys;
}

/** RMS level in dBm0 of one frequency in the samples (Goertzel amplitude, sine RMS = amplitude / sqrt 2). */
function levelDbm0(samples: Int16Array | Float64Array, hz: number): number {
  const amplitude = (2 * Math.sqrt(goertzelPower(samples, goertzelCoefficient(hz)))) / samples.length;
  return 20 * Math.log10(amplitude / Math.SQRT2 / 32768) + 6.35;
}

/** Hann-windowed copy: without it a strong tone leaks into neighbouring frequencies and hides what is really there. */
function hann(samples: Int16Array): Float64Array {
  return Float64Array.from(samples, (sample, i) => sample * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (samples.length - 1))));
}

/** The frequency within ±3 % of `nominalHz` where the samples carry the most power, to 1 Hz. */
function peakNear(samples: Int16Array, nominalHz: number): number {
  let best = nominalHz;
  let bestPower = -1;
  for (let hz = Math.round(nominalHz * 0.97); hz <= nominalHz * 1.03; hz++) {
    const power = goertzelPower(samples, goertzelCoefficient(hz));
    if (power > bestPower) [best, bestPower] = [hz, power];
  }
  return best;
}

/** The steady middle of a tone (its raised-cosine edges cut off). */
function steady(key: string): Int16Array {
  return decodeMulaw(keyTone(key, 100)).subarray(40, 760);
}

test('each of the 16 keys is decoded back as itself, wherever it starts within a frame', () => {
  for (const key of ALL_KEYS) {
    for (const leadMs of [0, 3, 7, 11, 15, 19]) assert.equal(decoded(dtmfAudio(key), leadMs), key, `key ${key} after ${leadMs} ms`);
  }
});

test('sequences come back exactly, repeated keys included, at the default and the tightest timings', () => {
  const sequences = ['11', '0118999*#', '1234567890*#ABCD', '#00#', '4410023#', '99999'];
  for (const timings of [{}, { toneMs: 70, gapMs: 50 }, { toneMs: 100, gapMs: 50 }]) {
    for (const digits of sequences) {
      for (const leadMs of [0, 5, 10, 15]) {
        assert.equal(decoded(dtmfAudio(digits, timings), leadMs), digits, `${digits} ${JSON.stringify(timings)} after ${leadMs} ms`);
      }
    }
  }
});

test('w pauses half a second and presses nothing itself', () => {
  assert.equal(decoded(dtmfAudio('1w1ww2')), '112');
  const toneAndGapBytes = 8 * (90 + 70);
  assert.equal(dtmfAudio('1w2').length, 2 * toneAndGapBytes + 8 * 500);
  assert.equal(dtmfAudio('w').length, 8 * 500);
  assert.ok(dtmfAudio('w').every((byte) => byte === MULAW_SILENCE));
});

test('each tone lasts as long as asked, and is followed by its gap in silence', () => {
  const audio = dtmfAudio('5', { toneMs: 80, gapMs: 60 });
  assert.equal(audio.length, 8 * 140);
  const tone = audio.subarray(0, 640);
  assert.ok(tone.subarray(40, 600).every((byte) => byte !== MULAW_SILENCE), 'sound throughout the tone');
  assert.ok(audio.subarray(640).every((byte) => byte === MULAW_SILENCE), 'silence throughout the gap');
});

test('every key carries exactly its row and column frequencies, at -9 and -7 dBm0 (2 dB twist)', () => {
  for (const key of ALL_KEYS) {
    const samples = steady(key);
    const [rowHz, columnHz] = frequenciesOfKey(key);
    assert.ok(Math.abs(peakNear(samples, rowHz) - rowHz) <= 2, `${key}: row peak at ${peakNear(samples, rowHz)} Hz`);
    assert.ok(Math.abs(peakNear(samples, columnHz) - columnHz) <= 2, `${key}: column peak at ${peakNear(samples, columnHz)} Hz`);
    const row = levelDbm0(samples, rowHz);
    const column = levelDbm0(samples, columnHz);
    assert.ok(Math.abs(row + 9) < 0.5, `${key}: row tone at ${row.toFixed(2)} dBm0`);
    assert.ok(Math.abs(column + 7) < 0.5, `${key}: column tone at ${column.toFixed(2)} dBm0`);
    assert.ok(Math.abs(column - row - 2) < 0.3, `${key}: twist ${(column - row).toFixed(2)} dB`);
    const windowed = hann(samples);
    const windowedRow = levelDbm0(windowed, rowHz);
    for (const other of [...DTMF_ROW_HZ, ...DTMF_COLUMN_HZ]) {
      if (other === rowHz || other === columnHz) continue;
      const leak = levelDbm0(windowed, other) - windowedRow;
      assert.ok(leak < -30, `${key}: ${other} Hz only ${leak.toFixed(1)} dB below the row tone`);
    }
  }
});

test('frames are 160 bytes, the last one filled up with mu-law silence', () => {
  const audio = dtmfAudio('12');
  const frames = toFrames(audio);
  assert.equal(frames.length, Math.ceil(audio.length / FRAME_BYTES));
  assert.ok(frames.every((frame) => frame.length === FRAME_BYTES));
  assert.deepEqual(Buffer.concat(frames).subarray(0, audio.length), audio);
  assert.ok(Buffer.concat(frames).subarray(audio.length).every((byte) => byte === MULAW_SILENCE));
  assert.deepEqual(toFrames(Buffer.alloc(0)), []);
  assert.equal(toFrames(Buffer.alloc(50, 1)).length, 1);
});

test('keys and timings a receiver would not take are refused with a clear message', () => {
  assert.throws(() => dtmfAudio(''), /digits must be one or more of 0-9 \* # A-D and w/);
  assert.throws(() => dtmfAudio('1x2'), /got "1x2"/);
  assert.throws(() => dtmfAudio('a'), RangeError, 'lower-case letters are not keys');
  assert.throws(() => dtmfAudio('1', { toneMs: 60 }), /toneMs must be 70-100 ms/);
  assert.throws(() => dtmfAudio('1', { toneMs: 120 }), /toneMs must be 70-100 ms/);
  assert.throws(() => dtmfAudio('1', { toneMs: Number.NaN }), /toneMs/);
  assert.throws(() => dtmfAudio('1', { gapMs: 40 }), /gapMs must be at least 50 ms/);
  assert.doesNotThrow(() => dtmfAudio('1', { toneMs: 70, gapMs: 50 }));
});
