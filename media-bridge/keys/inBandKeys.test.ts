import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DtmfDetector } from '../../common/audio/dtmfDetector.js';
import { inBandKeys } from './inBandKeys.js';

test('the payloads, played in order, are heard as exactly the keys pressed', () => {
  const { payloads, durationMs } = inBandKeys('1w1#');
  const detector = new DtmfDetector();
  const heard = payloads.map((payload) => detector.push(Buffer.from(payload, 'base64')) ?? '').join('');
  assert.equal(heard, '11#');
  assert.equal(durationMs, payloads.length * 20);
  assert.ok(payloads.every((payload) => Buffer.from(payload, 'base64').length === 160));
  assert.ok(durationMs >= 3 * 160 + 500, `${durationMs} ms: three tones with their gaps and a half-second pause`);
});

test('keys the model may not press are refused before anything is sent', () => {
  assert.throws(() => inBandKeys('1x'), RangeError);
});
