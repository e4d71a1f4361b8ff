import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromCarrierStatus, isForwardMove } from './callStatus.js';

describe('call status', () => {
  it('never moves backwards when carrier callbacks arrive out of order', () => {
    assert.equal(isForwardMove('ringing', 'in-progress'), true);
    assert.equal(isForwardMove('in-progress', 'ringing'), false);
    assert.equal(isForwardMove('completed', 'in-progress'), false);
    assert.equal(isForwardMove('busy', 'completed'), false);
  });

  it('maps Twilio statuses onto ours', () => {
    assert.equal(fromCarrierStatus('initiated'), 'dialing');
    assert.equal(fromCarrierStatus('no-answer'), 'no-answer');
    assert.equal(fromCarrierStatus('something-new'), null);
  });
});
