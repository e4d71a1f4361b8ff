import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HoldDetector, type HoldEvent } from './holdDetector.js';
import { buildHoldScenario, type HoldScenario, type HoldScenarioPlan } from './testSignals/holdScenarios.js';
import { holdMusic } from './testSignals/holdMusic.js';
import { lineNoise, mixInto, seededRandom, toMulaw } from './testSignals/pcm.js';
import { framesOf } from './testSignals/speech.js';

interface Run {
  events: HoldEvent[];
  /** Frames of hold audio (after hold-started, before the agent) that would have reached the AI. */
  forwardedOnHold: number;
}

function run(scenario: Pick<HoldScenario, 'audio' | 'hintAtMs' | 'pickupOnsetMs'>): Run {
  const detector = new HoldDetector();
  const events: HoldEvent[] = [];
  let forwardedOnHold = 0;
  framesOf(scenario.audio).forEach((frame, n) => {
    const nowMs = n * 20;
    if (scenario.hintAtMs !== null && nowMs === Math.round(scenario.hintAtMs / 20) * 20) detector.holdHinted();
    const event = detector.push(frame, nowMs);
    if (event) events.push(event);
    const holdSeen = events.some((e) => e.type === 'hold-started');
    if (holdSeen && nowMs < scenario.pickupOnsetMs && detector.forwarding) forwardedOnHold++;
  });
  return { events, forwardedOnHold };
}

const base: HoldScenarioPlan = { kind: 'music-only', style: 'pads', musicDbfs: -20, holdSeconds: 60, systemVoice: 'en-us', agentVoice: 'en-us', seed: 1 };

function pickupOf(events: HoldEvent[], scenario: HoldScenario): Extract<HoldEvent, { type: 'human-reached' }> {
  const pickup = events.find((e) => e.type === 'human-reached' && e.atMs >= scenario.pickupOnsetMs);
  assert.ok(pickup && pickup.type === 'human-reached', `the agent was never noticed: ${JSON.stringify(events)}`);
  return pickup;
}

test('music on hold: hold starts within 3 s, nothing reaches the AI, the agent is noticed within 1.5 s', async () => {
  const scenario = await buildHoldScenario(base);
  const { events, forwardedOnHold } = run(scenario);
  const started = events.find((e) => e.type === 'hold-started');
  assert.ok(started && started.atMs >= scenario.holdStartMs && started.atMs <= scenario.holdStartMs + 3000, JSON.stringify(events));
  assert.equal(forwardedOnHold, 0);
  assert.equal(events.filter((e) => e.type === 'human-reached').length, 1, 'no false pickup');
  const pickup = pickupOf(events, scenario);
  assert.ok(pickup.atMs - scenario.pickupOnsetMs < 1500, `noticed after ${pickup.atMs - scenario.pickupOnsetMs} ms`);
  assert.ok(Math.abs(pickup.onsetMs - scenario.pickupOnsetMs) <= 100, `onset ${pickup.onsetMs}, truth ${scenario.pickupOnsetMs}`);
});

test('an agent in any sandbox voice, at any gap after the music, is noticed within 1.5 s', async () => {
  const cases: Array<Partial<HoldScenarioPlan>> = [
    { agentVoice: 'en-us+f3', style: 'upbeat', musicDbfs: -12, agentGapMs: 0 },
    { agentVoice: 'en-gb', style: 'vocal', musicDbfs: -26, agentGapMs: 150 },
    { agentVoice: 'es', style: 'piano', musicDbfs: -30, agentGapMs: 700 },
    { agentVoice: 'en-us', style: 'lead', musicDbfs: -16, agentGapMs: 2000 },
  ];
  for (const [n, overrides] of cases.entries()) {
    const scenario = await buildHoldScenario({ ...base, holdSeconds: 40, seed: 20 + n, ...overrides });
    const pickup = pickupOf(run(scenario).events, scenario);
    assert.ok(pickup.atMs - scenario.pickupOnsetMs < 1500, `${scenario.name}: ${pickup.atMs - scenario.pickupOnsetMs} ms`);
  }
});

test('an agent who only says "Hello?" and waits is noticed too', async () => {
  for (const [n, [greeting, agentVoice]] of [['Hello?', 'en-us'], ['Hi.', 'es'], ['Yes?', 'en-gb']].entries()) {
    const scenario = await buildHoldScenario({ ...base, holdSeconds: 30, style: 'piano', seed: 30 + n, greeting, agentVoice });
    const pickup = pickupOf(run(scenario).events, scenario);
    assert.ok(pickup.atMs - scenario.pickupOnsetMs < 1500, `"${greeting}": ${pickup.atMs - scenario.pickupOnsetMs} ms`);
  }
});

test('a voice singing over the hold music never ends hold', () => {
  for (const [n, levelDbfs] of [-28, -20, -12].entries()) {
    const pcm = holdMusic({ style: 'vocal', ms: 120_000, levelDbfs, seed: 40 + n });
    mixInto(pcm, lineNoise(120_000, -62, seededRandom(n)), 0);
    const { events } = run({ audio: toMulaw(pcm), hintAtMs: null, pickupOnsetMs: Infinity });
    assert.deepEqual(events.map((e) => e.type), ['hold-started'], `vocal music at ${levelDbfs} dBFS`);
  }
});

test('replays of an announcement or a queue-position prefix never end hold', async () => {
  const plans: Array<Partial<HoldScenarioPlan>> = [
    { kind: 'announcements', style: 'lead', holdSeconds: 130, seed: 5 },
    { kind: 'announcements', style: 'pads', holdSeconds: 130, seed: 6, duckedAnnouncements: true, agentVoice: 'en-us+f3' },
    { kind: 'position-messages', style: 'piano', holdSeconds: 150, seed: 13 },
  ];
  for (const overrides of plans) {
    const scenario = await buildHoldScenario({ ...base, ...overrides });
    assert.ok(scenario.messages.length >= 3, 'several messages play');
    const { events } = run(scenario);
    const [first, ...replays] = scenario.messages;
    for (const event of events) {
      if (event.type !== 'human-reached' || event.atMs >= scenario.pickupOnsetMs) continue;
      // A recording never heard before looks like a person until it recurs; hold then resumes with the music.
      assert.ok(event.onsetMs >= first.startMs - 600 && event.atMs <= first.endMs + 500, `${scenario.name}: ${JSON.stringify(event)}`);
    }
    for (const replay of replays) {
      const during = events.filter((e) => e.type === 'human-reached' && e.atMs >= replay.startMs && e.atMs <= replay.endMs + 500);
      assert.deepEqual(during, [], `${scenario.name}: replay at ${replay.startMs} ms`);
    }
    pickupOf(events, scenario);
  }
});

test('ringback, then music, then the agent', async () => {
  const scenario = await buildHoldScenario({ ...base, kind: 'ringback-then-music', style: 'lead', holdSeconds: 50, seed: 10 });
  const { events, forwardedOnHold } = run(scenario);
  assert.ok(events[0]?.type === 'hold-started' && events[0].atMs <= scenario.holdStartMs + 3000, JSON.stringify(events));
  assert.equal(forwardedOnHold, 0);
  assert.ok(pickupOf(events, scenario).atMs - scenario.pickupOnsetMs < 1500);
});

test('silence after "please hold" is hold once hinted, and not without the hint', async () => {
  const scenario = await buildHoldScenario({ ...base, kind: 'silence', holdSeconds: 45, seed: 15 });
  const hinted = run(scenario);
  assert.deepEqual(hinted.events.map((e) => e.type), ['hold-started', 'human-reached']);
  assert.ok(pickupOf(hinted.events, scenario).atMs - scenario.pickupOnsetMs < 1500);
  assert.deepEqual(run({ ...scenario, hintAtMs: null }).events, [], 'silence alone is a pause, not hold');
});

test('rejects a nonsensical hold threshold', () => {
  assert.throws(() => new HoldDetector({ holdAfterSeconds: 0 }), RangeError);
  assert.throws(() => new HoldDetector({ holdAfterSeconds: 1.5 }), RangeError);
});
