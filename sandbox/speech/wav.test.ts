import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeWav, parseWav } from './wav.js';

test('a WAV written by encodeWav reads back sample for sample', () => {
  const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
  const wav = encodeWav({ sampleRate: 8000, samples });
  assert.equal(wav.length, 44 + samples.length * 2);
  assert.deepEqual(parseWav(wav), { sampleRate: 8000, samples });
});

test('a data chunk whose size is a streaming placeholder is read up to the end of the file', () => {
  const wav = encodeWav({ sampleRate: 22050, samples: Int16Array.from([5, 6, 7]) });
  wav.writeUInt32LE(0xffffffff, 40);
  assert.deepEqual(parseWav(wav).samples, Int16Array.from([5, 6, 7]));
});

test('anything but 16-bit PCM WAV is rejected with a reason', () => {
  assert.throws(() => parseWav(Buffer.from('not a wav file at all')), /RIFF\/WAVE/);
  const floatWav = encodeWav({ sampleRate: 8000, samples: new Int16Array(4) });
  floatWav.writeUInt16LE(3, 20);
  assert.throws(() => parseWav(floatWav), /integer PCM/);
  assert.throws(() => parseWav(encodeWav({ sampleRate: 8000, samples: new Int16Array(0) }).subarray(0, 36)), /no data chunk/);
});
