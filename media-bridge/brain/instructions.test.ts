import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallContext } from '../../db/calls.js';
import { buildInstructions } from './instructions.js';

const call: CallContext = {
  id: 'call_1', direction: 'outbound', from: '+12125550100', ownerId: 'local', workflowId: 'call-call_1', to: '+18005550101', company: 'Acme Telecom', userName: 'Jane Doe',
  issue: 'Charged twice in October.', goal: null, facts: { 'Account number': '4417 2290' }, persona: { name: 'Alex', style: 'warm and brief' }, options: {},
};

describe('voice model instructions', () => {
  it('brief the model on whom it speaks for, the issue, what it may disclose and what it must not agree to', () => {
    const text = buildInstructions(call);
    assert.match(text, /## Calling on behalf of\nJane Doe/);
    assert.match(text, /## Issue\nCharged twice in October\./);
    assert.match(text, /- Account number: 4417 2290/);
    assert.match(text, /## Never agree to without the customer\n- New charges/);
    assert.match(text, /Your name is Alex\. Speaking style: warm and brief\./);
  });

  it('falls back to a default goal and the name as the only fact', () => {
    const text = buildInstructions({ ...call, goal: null, facts: {}, persona: {} });
    assert.match(text, /## Goal\nGet the issue resolved/);
    assert.match(text, /- Full name: Jane Doe/);
    assert.doesNotMatch(text, /Your name is/);
  });

  it('has a recorded call announced to the first person, in the words chosen for it', () => {
    const text = buildInstructions({ ...call, options: { record: true, recordingAnnouncement: 'This call is recorded for my records.' } });
    assert.match(text, /## Recording announcement\n.*first answers, begin your first reply with: "This call is recorded for my records\."/);
    assert.doesNotMatch(buildInstructions(call), /## Recording announcement/);
  });

  it('leaves a voicemail by default, and hangs up on one when the user said so', () => {
    assert.match(buildInstructions(call), /## Voicemail\nIf you reach voicemail, wait for the beep, then leave one short message/);
    assert.match(buildInstructions({ ...call, options: { voicemail: 'hang-up' } }), /## Voicemail\nIf you reach voicemail, do not leave a message/);
  });
});
