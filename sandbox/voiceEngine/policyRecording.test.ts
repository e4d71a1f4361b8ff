import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallContext } from '../../db/calls.js';
import { buildInstructions } from '../../media-bridge/brain/instructions.js';
import { called, heard, replyTo, result, said } from './policyTestCalls.js';

const ANNOUNCEMENT = 'Just so you know, this call is being recorded.';
const call: CallContext = {
  id: 'call_1', direction: 'outbound', from: '+12125550100', ownerId: 'local', workflowId: 'call-call_1', to: '+18005550101', company: 'Acme Telecom',
  userName: 'Jane Doe', issue: 'I was charged twice for my October bill.', goal: null, facts: {}, persona: {},
  options: { record: true, recordingAnnouncement: ANNOUNCEMENT },
};
// The brief exactly as the bridge writes it for a recorded call.
const RECORDED = buildInstructions(call);

test('a recorded call is announced in the first words to a person, once', () => {
  const first = replyTo(RECORDED, heard('Thank you for calling Acme Telecom, this is Maria. How can I help you?'));
  assert.ok(first.say?.startsWith(ANNOUNCEMENT), first.say ?? '');
  assert.match(first.say ?? '', /charged twice/);
  const later = replyTo(RECORDED, heard('How can I help you?'), said(first.say!), heard('Can I have your account number?'));
  assert.ok(!later.say?.includes(ANNOUNCEMENT), later.say ?? '');
});

test('menus hear keys, not the announcement; the person after them hears it', () => {
  const menu = replyTo(RECORDED, heard('For billing, press 1. For technical support, press 2.'));
  assert.equal(menu.say, null);
  assert.equal(menu.toolCalls[0]?.name, 'press_digits');
  const person = replyTo(RECORDED, heard('For billing, press 1.'), called('press_digits', { digits: '1' }), result, heard('Billing, this is Sam. How can I help?'));
  assert.ok(person.say?.startsWith(ANNOUNCEMENT), person.say ?? '');
});

test('a call that is not recorded is not announced', () => {
  const reply = replyTo(buildInstructions({ ...call, options: {} }), heard('Acme Telecom, how can I help you?'));
  assert.ok(reply.say && !reply.say.includes('recorded'), reply.say ?? '');
});
