import assert from 'node:assert/strict';
import { test } from 'node:test';
import { levelDbfs, MULAW_SILENCE, SAMPLE_RATE } from '../../common/audio/mulaw.js';
import { synthesize, synthesizeToWav } from './synthesizer.js';
import { utteranceIndex } from './utteranceIndex.js';
import { parseWav } from './wav.js';

const EDGE_BYTES = (SAMPLE_RATE / 1000) * 50;

function seconds(audio: Buffer): number {
  return audio.length / SAMPLE_RATE;
}

function assertSpeechWithQuietEdges(audio: Buffer): void {
  assert.ok(audio.subarray(0, EDGE_BYTES).every((b) => b === MULAW_SILENCE), 'starts with 50 ms of silence');
  assert.ok(audio.subarray(-EDGE_BYTES).every((b) => b === MULAW_SILENCE), 'ends with 50 ms of silence');
  const speech = audio.subarray(EDGE_BYTES, -EDGE_BYTES);
  assert.ok(levelDbfs(speech) > -30, `speech is audible (${levelDbfs(speech).toFixed(1)} dBFS)`);
  assert.ok(levelDbfs(speech.subarray(0, 160)) > -70, 'speech starts right after the leading silence');
  assert.ok(levelDbfs(speech.subarray(-160)) > -70, 'speech ends right before the trailing silence');
}

test('English speech is audible mu-law of plausible duration', async () => {
  const audio = await synthesize('Thank you for calling Acme Bank. How can I help you today?');
  assertSpeechWithQuietEdges(audio);
  // 12 words at 175 words a minute is about 4 s, plus a sentence pause.
  assert.ok(seconds(audio) > 2.5 && seconds(audio) < 6, `lasts ${seconds(audio)} s`);
});

test('Spanish speech is audible mu-law of plausible duration', async () => {
  const audio = await synthesize('Hola, gracias por llamar. ¿En qué puedo ayudarle?', { voice: 'es' });
  assertSpeechWithQuietEdges(audio);
  assert.ok(seconds(audio) > 1.5 && seconds(audio) < 5, `lasts ${seconds(audio)} s`);
  const readInEnglish = await synthesize('Hola, gracias por llamar. ¿En qué puedo ayudarle?');
  assert.notDeepEqual(audio, readInEnglish, 'the Spanish voice is really used');
});

test('a slower speaking rate gives longer audio', async () => {
  const text = 'Please hold while I look up your account.';
  const normal = await synthesize(text);
  const slow = await synthesize(text, { wordsPerMinute: 120 });
  assert.ok(seconds(slow) > seconds(normal) * 1.25, `${seconds(slow)} s at 120 wpm vs ${seconds(normal)} s at 175`);
});

test('repeated requests give identical audio, and callers cannot corrupt the cache', async () => {
  const first = await synthesize('Your case number is 4 5 6 7.');
  const copy = Buffer.from(first);
  first.fill(0);
  assert.deepEqual(await synthesize('Your case number is 4 5 6 7.'), copy);
});

test('concurrent requests are all served', async () => {
  const texts = ['One moment please.', 'Goodbye.', 'Press one for billing.', 'Press two for support.'];
  const audio = await Promise.all(texts.map((text) => synthesize(text)));
  assert.equal(new Set(audio.map((a) => a.toString('base64'))).size, texts.length);
});

test('everything synthesized can be recognized from its audio', async () => {
  const text = 'I am calling about a double charge on my card.';
  const audio = await synthesize(text);
  assert.equal(utteranceIndex.recognize(audio)?.text, text);
});

test('text starting with a dash is spoken, not taken for an option', async () => {
  const audio = await synthesize('-5 degrees outside.');
  assertSpeechWithQuietEdges(audio);
});

test('synthesizeToWav gives an 8 kHz 16-bit WAV of the same speech', async () => {
  const text = 'Thank you for your patience.';
  const wav = parseWav(await synthesizeToWav(text));
  assert.equal(wav.sampleRate, 8000);
  assert.equal(wav.samples.length, (await synthesize(text)).length);
});

test('bad input is rejected with a clear error', async () => {
  await assert.rejects(synthesize('   '), /non-empty/);
  await assert.rejects(synthesize('hello', { voice: 'en us; rm' }), /voice name/);
  await assert.rejects(synthesize('hello', { wordsPerMinute: 5 }), /80\.\.450/);
  await assert.rejects(synthesize('hello', { voice: 'xx-nonexistent' }), /voice does not exist/);
});
