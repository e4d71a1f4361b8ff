import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeadAirMonitor, type DeadAirEvent } from './deadAirMonitor.js';
import { concatenated, lineNoise, mixInto, seededRandom, silentPcm, toMulaw, type Pcm } from './testSignals/pcm.js';
import { framesOf, speech } from './testSignals/speech.js';

function run(monitor: DeadAirMonitor, parts: Pcm[], noiseDbfs = -62, onFrame?: (nowMs: number) => void): Array<DeadAirEvent & { nowMs: number }> {
  const pcm = concatenated(parts);
  mixInto(pcm, lineNoise(pcm.length / 8, noiseDbfs, seededRandom(3)), 0);
  const events: Array<DeadAirEvent & { nowMs: number }> = [];
  framesOf(toMulaw(pcm)).forEach((frame, n) => {
    onFrame?.(n * 20);
    const event = monitor.push(frame, n * 20);
    if (event) events.push({ ...event, nowMs: n * 20 });
  });
  return events;
}

test('checks in once after the far end has said nothing for the configured time', async () => {
  const words = await speech('Sure, let me look that up for you.', 'en-gb');
  const events = run(new DeadAirMonitor({ afterMs: 5000 }), [words, silentPcm(12_000)]);
  assert.equal(events.length, 1, 'fires once per silence');
  const lastWordMs = words.length / 8 - 50;
  assert.ok(Math.abs(events[0].nowMs - (lastWordMs + 5000)) <= 100, `fired at ${events[0].nowMs} ms, the last word ended near ${lastWordMs} ms`);
  assert.ok(events[0].silentForMs >= 5000 && events[0].silentForMs < 5100);
});

test('pauses between sentences are not dead air', async () => {
  const sentence = await speech('I am checking your account now. One moment please.', 'en-us');
  const talk = Array.from({ length: 6 }, () => [sentence, silentPcm(2500)]).flat();
  assert.deepEqual(run(new DeadAirMonitor({ afterMs: 4000 }), talk), []);
});

test('a noisy line is still dead air when nobody speaks', () => {
  const events = run(new DeadAirMonitor({ afterMs: 6000 }), [silentPcm(10_000)], -38);
  assert.equal(events.length, 1, 'hiss at -38 dBFS is not speech');
});

test('the far end speaking again, or the agent speaking, starts the count over', async () => {
  const words = await speech('Hello? Are you there?', 'en-us+f3');
  const monitor = new DeadAirMonitor({ afterMs: 5000 });
  const events = run(monitor, [silentPcm(4000), words, silentPcm(10_000)], -62, (nowMs) => {
    if (nowMs === 9000) monitor.reset(nowMs);
  });
  // Silence from ~5.3 s (end of words) would fire at ~10.3 s, but the agent spoke at 9 s: it fires at 14 s.
  assert.equal(events.length, 1);
  assert.ok(Math.abs(events[0].nowMs - 14_000) <= 40, `fired at ${events[0].nowMs} ms`);
});

test('rejects a nonsensical threshold', () => {
  assert.throws(() => new DeadAirMonitor({ afterMs: 0 }), RangeError);
});
