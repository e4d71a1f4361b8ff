import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { silence } from '../../common/audio/mulaw.js';
import { synthesize } from './synthesizer.js';
import { UtteranceIndex } from './utteranceIndex.js';

const GREETING = 'Thank you for calling Acme Bank. How can I help you today?';
const SIMILAR_GREETING = 'Thank you for calling Acme Travel. How can I help you today?';
const HOLD = 'Please hold while I transfer you to a specialist.';
const UNREGISTERED = 'I would like to cancel my subscription, please.';

const index = new UtteranceIndex();
const audio = new Map<string, Buffer>();

before(async () => {
  for (const text of [GREETING, SIMILAR_GREETING, HOLD, UNREGISTERED]) audio.set(text, await synthesize(text));
  for (const text of [GREETING, SIMILAR_GREETING, HOLD]) index.register(text, audio.get(text)!);
});

function speech(text: string): Buffer {
  return audio.get(text)!;
}

test('(a) recognizes an utterance from its exact audio', () => {
  const result = index.recognize(speech(GREETING));
  assert.ok(result);
  assert.equal(result.text, GREETING);
  assert.equal(result.confidence, 1);
  assert.deepEqual(result.utterances, [
    { text: GREETING, heardText: GREETING, coverage: 1, startByte: 0, endByte: speech(GREETING).length },
  ]);
});

test('(b) recognizes it at every byte offset, padded with silence', () => {
  for (let shift = 0; shift < 160; shift++) {
    const lead = silence(400).subarray(shift);
    const result = index.recognize(Buffer.concat([lead, speech(HOLD), silence(300)]));
    assert.equal(result?.text, HOLD, `shift ${shift}`);
    assert.equal(result.utterances.length, 1);
    assert.equal(result.utterances[0].coverage, 1);
    assert.equal(result.utterances[0].startByte, lead.length, `shift ${shift}`);
  }
});

test('(c) two utterances back to back are both heard, in order', () => {
  const result = index.recognize(Buffer.concat([silence(200), speech(HOLD), speech(GREETING), silence(200)]));
  assert.ok(result);
  assert.equal(result.text, `${HOLD} ${GREETING}`);
  assert.deepEqual(
    result.utterances.map((u) => [u.text, u.coverage]),
    [
      [HOLD, 1],
      [GREETING, 1],
    ],
  );
  assert.equal(result.utterances[1].startByte, result.utterances[0].endByte);
});

test('(d) an utterance cut short after 40% is heard as its first words', () => {
  const cut = speech(GREETING).subarray(0, Math.round(speech(GREETING).length * 0.4));
  for (const heard of [cut, Buffer.concat([cut, silence(500)]), Buffer.concat([cut, speech(HOLD)])]) {
    const result = index.recognize(heard);
    assert.ok(result);
    const [first] = result.utterances;
    assert.equal(first.text, GREETING);
    assert.ok(Math.abs(first.coverage - 0.4) < 0.05, `coverage ${first.coverage}`);
    assert.ok(first.heardText.length > 0 && GREETING.startsWith(first.heardText), `heard "${first.heardText}"`);
    assert.ok(first.heardText.split(' ').length < GREETING.split(' ').length / 2 + 1);
    assert.ok(result.text.startsWith(first.heardText));
  }
});

test('the end of an utterance is heard as its last words', () => {
  const tail = speech(GREETING).subarray(Math.round(speech(GREETING).length * 0.55));
  const result = index.recognize(tail);
  assert.ok(result);
  assert.ok(Math.abs(result.utterances[0].coverage - 0.45) < 0.05, `coverage ${result.utterances[0].coverage}`);
  assert.ok(GREETING.endsWith(result.text), `heard "${result.text}"`);
});

test('(e) sentences sharing their first words are told apart', () => {
  assert.equal(index.recognize(speech(SIMILAR_GREETING))?.text, SIMILAR_GREETING);
  assert.equal(index.recognize(speech(GREETING))?.text, GREETING);
  const both = index.recognize(Buffer.concat([speech(SIMILAR_GREETING), silence(100), speech(GREETING)]));
  assert.equal(both?.text, `${SIMILAR_GREETING} ${GREETING}`);
});

test('(f) noise, silence and speech nobody registered are not recognized', () => {
  let seed = 7;
  const noise = Buffer.from(
    Array.from({ length: 80000 }, () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 24;
    }),
  );
  assert.equal(index.recognize(noise), null);
  assert.equal(index.recognize(silence(3000)), null);
  assert.equal(index.recognize(Buffer.alloc(0)), null);
  assert.equal(index.recognize(speech(UNREGISTERED)), null);
});

test('unexplained speech around a recognized utterance lowers the confidence', () => {
  const result = index.recognize(Buffer.concat([speech(UNREGISTERED), speech(HOLD)]));
  assert.equal(result?.text, HOLD);
  assert.ok(result.confidence < 0.7, `confidence ${result.confidence}`);
});

test('the same utterance heard twice is reported twice', () => {
  const result = index.recognize(Buffer.concat([speech(HOLD), silence(1000), speech(HOLD)]));
  assert.equal(result?.text, `${HOLD} ${HOLD}`);
});

test('registering the same utterance again does not grow the index', () => {
  const size = index.size;
  index.register(HOLD, speech(HOLD));
  assert.equal(index.size, size);
  assert.equal(index.recognize(speech(HOLD))?.utterances.length, 1);
});

test('recognition stays exact in an index of thousands of utterances', () => {
  const large = new UtteranceIndex();
  let seed = 99;
  for (let i = 0; i < 3000; i++) {
    // Random bytes stand in for other speech: they are loud everywhere, so anchor-dense.
    const other = Buffer.from(
      Array.from({ length: 8000 }, () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed >>> 24;
      }),
    );
    large.register(`filler ${i}`, other);
  }
  for (const text of [GREETING, SIMILAR_GREETING, HOLD]) large.register(text, speech(text));
  const result = large.recognize(Buffer.concat([silence(2000), speech(GREETING), silence(1000), speech(HOLD), silence(2000)]));
  assert.equal(result?.text, `${GREETING} ${HOLD}`);
  assert.equal(result.confidence, 1);
});
