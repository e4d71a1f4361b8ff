import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HoldGate } from './holdGate.js';
import { buildHoldScenario } from './testSignals/holdScenarios.js';
import { framesOf } from './testSignals/speech.js';

const scenario = buildHoldScenario({ kind: 'music-only', style: 'lead', musicDbfs: -18, holdSeconds: 30, systemVoice: 'en-gb', agentVoice: 'en-us+f3', seed: 3 });

test('passes live audio, holds back hold music, and releases the agent\'s words from their first one', async () => {
  const { audio, holdStartMs, pickupOnsetMs } = await scenario;
  const gate = new HoldGate();
  const frames = framesOf(audio);
  const forwarded: Buffer[] = [];
  let releasedAt = -1;
  frames.forEach((frame, n) => {
    const { forward, event } = gate.push(frame, n * 20);
    if (event?.type === 'human-reached') releasedAt = forwarded.length;
    forwarded.push(...forward);
  });
  const holdFrames = Math.round(holdStartMs / 20);
  const agentFrame = Math.round(pickupOnsetMs / 20);
  assert.ok(releasedAt > 0, 'the agent was noticed');
  // Everything before hold was detected, nothing of the hold after it, then all of the agent.
  assert.deepEqual(forwarded.slice(0, holdFrames), frames.slice(0, holdFrames));
  const agentFromGate = forwarded.slice(releasedAt);
  const agentFromLine = frames.slice(agentFrame - 1);
  assert.ok(Math.abs(agentFromGate.length - agentFromLine.length) <= 3, `${agentFromGate.length} frames released vs ${agentFromLine.length} spoken`);
  assert.deepEqual(agentFromGate.slice(-100), agentFromLine.slice(-100), 'the same audio, in order');
  assert.ok(forwarded.length < frames.length - (agentFrame - holdFrames) + 200, 'the hold music stayed behind');
});

test('a caller that reuses one buffer for every frame still gets the agent\'s words as they were spoken', async () => {
  const frames = framesOf((await scenario).audio);
  const gate = new HoldGate();
  const reused = Buffer.alloc(frames[0].length);
  let released: Buffer[] = [];
  frames.forEach((frame, n) => {
    frame.copy(reused);
    const { forward, event } = gate.push(reused, n * 20);
    if (event?.type === 'human-reached') released = forward.slice(0, -1);
  });
  assert.ok(released.length > 10, `${released.length} frames released`);
  const firstReleased = frames.findIndex((frame) => frame.equals(released[0]));
  assert.deepEqual(released, frames.slice(firstReleased, firstReleased + released.length));
});
