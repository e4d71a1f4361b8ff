import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base64Envelope, openBase64Envelope } from './base64Envelope.js';

const append = base64Envelope('{"type":"input_audio_buffer.append","audio":"', '"}');

test('a message of the expected shape gives its base64 text', () => {
  const audio = Buffer.from('some audio bytes').toString('base64');
  assert.equal(openBase64Envelope(Buffer.from(JSON.stringify({ type: 'input_audio_buffer.append', audio })), append), audio);
  assert.equal(openBase64Envelope(Buffer.from('{"type":"input_audio_buffer.append","audio":""}'), append), '');
});

test('anything else is left for JSON.parse: other key order, spacing, escapes, other events, cut-off text', () => {
  for (const text of [
    '{"audio":"AAAA","type":"input_audio_buffer.append"}',
    '{"type": "input_audio_buffer.append","audio":"AAAA"}',
    '{"type":"input_audio_buffer.append","audio":"AA\\u0041A"}',
    '{"type":"input_audio_buffer.append","audio":"AA","x":"AA"}',
    '{"type":"response.create"}',
    '{"type":"input_audio_buffer.append","audio":"AAAA',
    '',
  ]) {
    assert.equal(openBase64Envelope(Buffer.from(text), append), null, text);
  }
});
