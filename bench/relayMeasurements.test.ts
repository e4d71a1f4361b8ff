import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RelayMeasurements } from './relayMeasurements.js';

test('added latency is the round trip minus the time the engine stub held the frame', () => {
  const m = new RelayMeasurements({ from: 0, until: 1000 });
  m.frameSent(100, 100.5);
  m.frameReturned(100, 100.5, 102.5, 0.5);
  const s = m.summary();
  assert.equal(s.framesSent, 1);
  assert.equal(s.framesReturned, 1);
  assert.equal(s.p50RoundTripMs, 2);
  assert.equal(s.p50AddedMs, 1.5);
  assert.equal(s.lateFramesPct, 0);
});

test('frames that come back more than 20 ms after they were due, or never, are late', () => {
  const m = new RelayMeasurements({ from: 0, until: 1000 });
  for (const due of [0, 20, 40, 60]) m.frameSent(due, due);
  m.frameReturned(0, 0, 1, 0);
  m.frameReturned(20, 20, 45, 0);
  m.frameReturned(40, 40, 41, 0);
  const s = m.summary();
  assert.equal(s.framesLost, 1);
  assert.equal(s.lateFramesPct, 50);
  assert.equal(s.sendLatePct, 0);
});

test('a frame sent more than 20 ms behind schedule counts as sent late', () => {
  const m = new RelayMeasurements({ from: 0, until: 1000 });
  m.frameSent(0, 25);
  m.frameSent(20, 21);
  assert.equal(m.summary().sendLatePct, 50);
});

test('only frames due inside the window count (ramp-up and drain are left out)', () => {
  const m = new RelayMeasurements({ from: 100, until: 200 });
  m.frameSent(80, 80);
  m.frameReturned(80, 80, 200, 0);
  m.frameSent(200, 200);
  assert.equal(m.summary().framesSent, 0);
  assert.ok(Number.isNaN(m.summary().p99AddedMs));
});

test('barge-ins report time to clear; those never cleared are counted as missed', () => {
  const m = new RelayMeasurements({ from: 0, until: 1000 });
  m.bargeInCleared(10, 13);
  m.bargeInCleared(20, 21);
  m.bargeInMissed(30);
  m.unexpectedClear();
  const s = m.summary();
  assert.equal(s.bargeIns, 3);
  assert.equal(s.bargeInsMissed, 1);
  assert.equal(s.bargeInP50Ms, 1);
  assert.equal(s.bargeInP99Ms, 3);
  assert.equal(s.unexpectedClears, 1);
});
