import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tones } from './audio/testSignals/callProgressTones.js';
import { concatenated, lineNoise, mixInto, seededRandom, silentPcm, toMulaw } from './audio/testSignals/pcm.js';
import { framesOf, speech } from './audio/testSignals/speech.js';
import { HoldGate } from './holdGate.js';
import { LineWatch } from './lineWatch.js';

// The bridge's per-frame path, with the line watch analysing each frame itself or reading the hold
// gate's analysis of it: what it hears must not depend on which.
function heardOnTheLine(payloads: string[], shared: boolean): string[] {
  const gate = new HoldGate();
  const watch = new LineWatch();
  const heard: string[] = [];
  payloads.forEach((payload, n) => {
    const callMs = n * 20;
    const { forward } = gate.push(payload, callMs);
    const frame = shared ? gate.frame : Buffer.from(payload, 'base64');
    const event = watch.push(frame, callMs, gate.onHold, shared ? gate.features : undefined);
    heard.push(`${forward.length}${event ? ` ${JSON.stringify(event)}` : ''}`);
    if (event?.type === 'voicemail-beep') {
      gate.disable();
      watch.agentSpoke(callMs);
    }
  });
  return heard;
}

test('the line watch hears the same beeps and dead air from the hold gate\'s analysis as from its own', async () => {
  const greeting = await speech("Hi, you've reached Dana. Please leave a message after the tone.", 'en-us+f3');
  // A beep, a message left into silence (dead air), then a second beep after hold detection has stopped.
  const pcm = concatenated([greeting, silentPcm(300), tones([1000], 500, -14), silentPcm(21_000), tones([850], 400, -14), silentPcm(1000)]);
  mixInto(pcm, lineNoise(pcm.length / 8, -62, seededRandom(4)), 0);
  const payloads = framesOf(toMulaw(pcm)).map((frame) => frame.toString('base64'));
  const own = heardOnTheLine(payloads, false);
  const shared = heardOnTheLine(payloads, true);
  assert.deepEqual(shared, own);
  const events = own.filter((line) => line.includes('{'));
  assert.deepEqual(events.map((line) => JSON.parse(line.slice(2)).type), ['voicemail-beep', 'dead-air', 'voicemail-beep']);
});
