import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConversationEntry } from './policy.js';
import { briefFor, called, heard, replyTo, said, SILENT } from './policyTestCalls.js';

const HOSPITAL = briefFor("I received a hospital bill for 1,240 dollars that I can't pay at once and I'd like a payment plan.", {
  'Full name': 'Jane Doe',
  'Patient name': 'Jane Doe',
  'Date of birth': 'November 3, 1979',
});
const PRIVACY =
  "I'm sorry, but because of privacy rules I can only discuss the account with the patient or their legal guardian. If the patient can join the call, I'm happy to wait.";
const toolResult = (output: object): ConversationEntry => ({ kind: 'toolResult', output: JSON.stringify(output) });
const DIALLING = toolResult({ ok: true, note: 'Tell the representative you are bringing the customer onto the line now, then stay quiet.' });
const UNREACHABLE = toolResult({ ok: false, note: 'The customer cannot be reached by phone now. Tell the representative and continue without them.' });
const BRINGING = "One moment please, I'm bringing Jane onto the line.";
const JOINED = heard(
  '[The customer (Jane Doe) is now on the line and will speak for themselves. Stay quiet while they and the representative talk. Speak again when the representative addresses you, asks what the call is about, or gives the outcome.]',
);

const BACK_ON =
  "[You are back on the call, now a conference line. The customer's phone is ringing; if the representative speaks, tell them the customer will join in a moment.]";

/** Up to the representative's call for the patient. */
const refused: ConversationEntry[] = [
  heard('Patient billing, this is Tasha. Am I speaking with the patient?'),
  said("Hi, I'm calling on behalf of Jane Doe. I received a hospital bill for 1,240 dollars that I can't pay at once and I'd like a payment plan."),
  heard(PRIVACY),
];
const asked = [...refused, said(BRINGING), called('request_user', { reason: 'The representative needs the account holder' })];
const waiting = [...asked, DIALLING, heard(BACK_ON)];
const withJane = [...waiting, heard('Of course, I will wait.'), JOINED];

// Words Meridian's script takes for "I am not the patient".
const REFUSAL_WORDS = /\b(?:no|on behalf|assistant|calling for)\b/i;

test('says it is bringing the customer on, in words that do not refuse, and asks for them', () => {
  const { say, toolCalls } = replyTo(HOSPITAL, ...refused);
  assert.equal(say, BRINGING);
  assert.deepEqual(toolCalls.map((call) => call.name), ['request_user']);
  assert.doesNotMatch(say ?? '', REFUSAL_WORDS);
  assert.deepEqual(replyTo(HOSPITAL, ...asked, DIALLING), SILENT, 'the tool asks for the line already said');
  assert.deepEqual(replyTo(HOSPITAL, ...waiting), SILENT, 'back on the call as a conference leg');
});

test('says so when the customer cannot be dialled or does not answer, and carries on without them', () => {
  const UNAVAILABLE = "I'm sorry, Jane can't join the call right now. Could you help without Jane, or tell me when Jane should call back?";
  const notReached = [
    [...asked, UNREACHABLE],
    [...waiting, heard('[The customer did not answer their phone. Tell the representative, and ask whether they can help without the customer or when to call back.]')],
    [...asked, DIALLING, heard('[The customer could not be connected. Tell the representative, and ask whether they can help without the customer or when to call back.]')],
  ];
  for (const conversation of notReached) assert.deepEqual(replyTo(HOSPITAL, ...conversation), { say: UNAVAILABLE, toolCalls: [] });
  const again = replyTo(HOSPITAL, ...notReached[1], said(UNAVAILABLE), heard('I can only discuss the account with the patient.'));
  assert.deepEqual(again, { say: UNAVAILABLE, toolCalls: [] }, 'the customer is not asked for twice');
  const left = [...withJane, heard('[The customer has left the call. Carry on with the representative.]'), heard('Is there anything else I can help with?')];
  assert.equal(replyTo(HOSPITAL, ...left).say, 'Before we finish, could I get a case or reference number for this?');
});

test('while the customer is dialled in, waits quietly, and says they are coming when asked', () => {
  const forJane = ['Thank you. For verification, please state your full name and date of birth.', 'Am I speaking with the patient?'];
  for (const line of ['Of course, I will wait.', 'Sure, take your time.', '', 'Hi, this is Jane Doe.', ...forJane]) {
    assert.deepEqual(replyTo(HOSPITAL, ...waiting, heard(line)), SILENT, line);
  }
  assert.deepEqual(replyTo(HOSPITAL, ...waiting, heard('Hello? Are you still there?')), {
    say: "Yes, I'm still here. Jane is joining the line, one moment please.",
    toolCalls: [],
  });
  for (const question of ['Is the patient on the line yet?', 'I can only discuss this with the patient.']) {
    assert.deepEqual(replyTo(HOSPITAL, ...waiting, heard(question)), { say: 'Jane is joining the line, one moment please.', toolCalls: [] }, question);
  }
});

test('with the customer on the line, leaves verification to them and never answers their lines', () => {
  const forJane = [
    'Hi, this is Jane Doe.',
    'Thank you. For verification, please state your full name and date of birth.',
    'My name is Jane Doe, and my date of birth is November 3, 1979.',
    'Am I speaking with the patient?',
    "Yes, I'm the patient.",
    "I've just sent a one-time code to your phone. Can you read it to me?",
    'Could you spell your last name?',
    'I am sorry, that does not match our records. Could you give me your date of birth again?',
  ];
  assert.deepEqual(replyTo(HOSPITAL, ...withJane), SILENT, 'the note itself asks for quiet');
  for (const line of forJane) assert.deepEqual(replyTo(HOSPITAL, ...withJane, heard(line)), SILENT, line);
  assert.deepEqual(replyTo(HOSPITAL, ...withJane, ...forJane.slice(0, 3).map(heard)), SILENT, 'heard one after another');
});

test('with the customer on the line, states the issue when the representative asks how to help', () => {
  const verified = [...withJane, heard('Hi, this is Jane Doe.'), heard('Thank you. For verification, please state your full name and date of birth.')];
  const reply = replyTo(HOSPITAL, ...verified, heard('My name is Jane Doe.'), heard("Thank you, you're verified. What can I help you with today?"));
  assert.deepEqual(reply, {
    say: "Thank you. Here is the issue, in Jane's words: I received a hospital bill for 1,240 dollars that I can't pay at once and I'd like a payment plan.",
    toolCalls: [],
  });
});

test('with the customer on the line, reads back the outcome, records it and says goodbye', () => {
  const outcome =
    "I can set that up. I've placed the balance on a six month payment plan with no interest. Your reference number is M H P - 4 8 2 9 1 7. The first payment will be drafted on Thursday, March 6.";
  const { say, toolCalls } = replyTo(HOSPITAL, ...withJane, said('Thank you. Here is the issue.'), heard(outcome));
  assert.equal(say, 'Let me read that back: M H P 4 8 2 9 1 7; the payment on Thursday, March 6.');
  assert.equal(toolCalls.length, 1);
  assert.equal(toolCalls[0].name, 'record_outcome');
  assert.equal(toolCalls[0].arguments.caseNumber, 'MHP482917');
  assert.match(JSON.stringify(toolCalls[0].arguments.nextSteps), /first payment/);

  const recorded = [...withJane, heard(outcome), said(say ?? ''), called('record_outcome', toolCalls[0].arguments), toolResult({ ok: true })];
  assert.deepEqual(replyTo(HOSPITAL, ...recorded, heard('Is there anything else?')), {
    say: "No, that's everything. Thank you for your help, goodbye!",
    toolCalls: [{ name: 'end_call', arguments: { reason: 'done' } }],
  });
  assert.deepEqual(replyTo(HOSPITAL, ...recorded, heard('Hello? Are you still there?')), { say: "Yes, I'm still here.", toolCalls: [] });
});
