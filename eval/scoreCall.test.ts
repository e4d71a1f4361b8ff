import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreCall, type GroundTruth, type ReportedCall, type ScenarioExpectation } from './scoreCall.js';

const expected: ScenarioExpectation = {
  path: ['1', '2'],
  outcome: { finalStatus: 'completed', reached: 'human', caseNumber: true, nextSteps: ['technician'], attempts: 1 },
};
const truth: GroundTruth = {
  facts: { ticket: 'BL-204711', visitDate: 'Friday, December 4' },
  keys: [{ digit: '1', accepted: true }, { digit: '9', accepted: false }, { digit: '2', accepted: true }],
  menuPath: ['1', '2'], holdSeconds: 14.2, humanAnsweredAfterSeconds: 31.5, closed: false, voicemail: null,
};
const call: ReportedCall = {
  status: 'completed',
  timeline: [{ status: 'queued' }, { status: 'dialing' }, { status: 'in-progress' }, { status: 'completed' }],
  outcome: { caseNumber: 'BL204711', nextSteps: ['A technician visit is booked for Friday.'], summary: 'Called Brightline.' },
  cost: { usd: 0.21 },
};

describe('scoring an evaluation call', () => {
  it('counts a call that took the right path and brought back the right facts as a success', () => {
    const score = scoreCall(expected, call, truth);
    assert.equal(score.success, true, score.misses.join('; '));
    assert.equal(score.keysPressed, '12');
    assert.equal(score.expectedKeys, '12');
    assert.equal(score.outcomeFieldsCorrect, 3);
    assert.equal(score.outcomeFieldsExpected, 3);
    assert.equal(score.timeToHumanS, 31.5);
  });

  it('says what went wrong when the case number is made up or the path differs', () => {
    const score = scoreCall(expected, { ...call, outcome: { ...call.outcome!, caseNumber: 'XX1' } }, { ...truth, menuPath: ['0'] });
    assert.equal(score.success, false);
    assert.equal(score.outcomeFieldsCorrect, 2);
    assert.ok(score.misses.some((m) => m.includes('menu path')));
    assert.ok(score.misses.some((m) => m.includes('case number XX1')));
  });

  it('scores a busy line by its final status and attempts alone', () => {
    const busy: ScenarioExpectation = { path: [], outcome: { finalStatus: 'busy', caseNumber: false, nextSteps: [], attempts: 2 } };
    const reported: ReportedCall = { status: 'busy', timeline: [{ status: 'dialing' }, { status: 'retry-scheduled' }, { status: 'dialing' }], outcome: null, cost: { usd: 0 } };
    assert.equal(scoreCall(busy, reported, null).success, true);
  });
});
