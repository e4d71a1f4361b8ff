import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameAnalyzer } from './frameAnalyzer.js';
import { RepetitionTracker } from './repetitionTracker.js';
import { holdMusic } from './testSignals/holdMusic.js';
import { concatenated, lineNoise, mixInto, seededRandom, silentPcm, toMulaw, type Pcm } from './testSignals/pcm.js';
import { framesOf, speech } from './testSignals/speech.js';

const ANNOUNCEMENT = 'Your call is important to us. Please stay on the line and the next available representative will be with you shortly.';

/** Frame by frame, whether the tracker says the audio repeats something heard before. */
function track(pcm: Pcm): boolean[] {
  mixInto(pcm, lineNoise(pcm.length / 8, -62, seededRandom(9)), 0);
  const analyzer = new FrameAnalyzer();
  const tracker = new RepetitionTracker();
  return framesOf(toMulaw(pcm)).map((frame) => {
    tracker.push(analyzer.analyze(frame));
    return tracker.repeating;
  });
}

test('an announcement played again is recognized within half a second, over different music', async () => {
  const clip = await speech(ANNOUNCEMENT, 'en-gb');
  // The replay lands 7 ms off the 20 ms frame grid of the first playing.
  const pcm = concatenated([
    holdMusic({ style: 'pads', ms: 5000, levelDbfs: -22, seed: 1 }),
    clip,
    holdMusic({ style: 'piano', ms: 25_007, levelDbfs: -22, seed: 2 }),
    clip,
    silentPcm(1000),
  ]);
  const repeating = track(pcm);
  const clipFrames = Math.floor(clip.length / 160);
  const firstStart = 250;
  const replayStart = Math.ceil((5000 + clip.length / 8 + 25_007) / 20);
  assert.equal(repeating.slice(firstStart, firstStart + clipFrames).filter(Boolean).length, 0, 'nothing repeats the first time');
  const recognizedAt = repeating.indexOf(true, replayStart);
  assert.ok(recognizedAt >= replayStart && recognizedAt - replayStart <= 25, `recognized ${(recognizedAt - replayStart) * 20} ms into the replay`);
  const held = repeating.slice(recognizedAt, replayStart + clipFrames - 5).filter(Boolean).length / (replayStart + clipFrames - 5 - recognizedAt);
  assert.ok(held > 0.9, `held through the clip (${(held * 100).toFixed(0)} % of frames)`);
});

test('different sentences, in any voices, are never taken for repeats', async () => {
  // Different words only: one sandbox voice renders the same words as the same audio (and en-us and
  // en-gb nearly so), which is a replay as far as any listener can tell.
  const lines: Array<[string, string]> = [
    ['en-us', 'Thank you for calling Acme Telecom. My name is Sam.'],
    ['en-gb', 'I see the duplicate charge on your statement from last Tuesday.'],
    ['en-us+f3', 'Could you please confirm the last four digits of the card?'],
    ['es', 'Hola, gracias por esperar. ¿En qué puedo ayudarle?'],
    ['en-us', 'I have opened a billing case for you, and the refund will appear within five business days.'],
    ['en-gb', 'Is there anything else I can help you with today?'],
    ['en-us+f3', 'Your case number is A C M four five one two.'],
    ['en-us', 'Hi, this is Dana in billing, sorry about the wait.'],
  ];
  const parts: Pcm[] = [];
  for (const [voice, text] of lines) parts.push(await speech(text, voice), silentPcm(2500));
  const repeating = track(concatenated(parts));
  assert.equal(repeating.filter(Boolean).length, 0);
});
