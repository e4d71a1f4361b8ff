import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallerReplies } from '../callers/callerReply.js';
import { findCaller } from '../callers/sandboxCallers.js';
import { decideReply, type ConversationEntry } from './policy.js';
import { messageFrom } from './policyMessage.js';
import { answeringBriefFor, heard, replyTo, said } from './policyTestCalls.js';

const INBOUND = answeringBriefFor('Jane Doe', '+18005550111');
const GREETING = "Hello, you've reached Jane Doe's phone, this is Jane's assistant. How can I help?";
const DANA_REASON = "Hi, this is Dana from Patel Dental, calling to confirm Jane's cleaning tomorrow at 10 am; please call us back at 555 0142.";
const DANA_READ_BACK =
  "Let me read that back: Dana from Patel Dental, calling to confirm Jane's cleaning tomorrow at 10 am. The callback number is 555 0142. Is that right?";

test('greets first as the owner’s assistant, never as a caller on their behalf', () => {
  assert.deepEqual(replyTo(INBOUND), { say: GREETING, toolCalls: [] });
  assert.doesNotMatch(GREETING, /on behalf|calling/);
});

test('reads the message back once the caller has given who, what and a number', () => {
  assert.deepEqual(replyTo(INBOUND, said(GREETING), heard(DANA_REASON)), { say: DANA_READ_BACK, toolCalls: [] });
});

test('records the confirmed message, says goodbye and ends the call', () => {
  const reply = replyTo(INBOUND, said(GREETING), heard(DANA_REASON), said(DANA_READ_BACK), heard("Yes, that's right."));
  assert.equal(reply.say, "Thank you, Dana. I'll make sure Jane gets your message. Goodbye!");
  assert.deepEqual(reply.toolCalls, [
    {
      name: 'record_outcome',
      arguments: {
        notes: "Message for Jane Doe from Dana from Patel Dental: calling to confirm Jane's cleaning tomorrow at 10 am. Callback number: 555 0142.",
        resolved: 'yes',
        nextSteps: ['Call Dana back at 555 0142'],
      },
    },
    { name: 'end_call', arguments: { reason: 'message taken' } },
  ]);
});

test('asks for what is missing, taking each answer for what was asked', () => {
  const opening = [said(GREETING), heard("Hi, I'm calling about the car. It's ready for pickup.")];
  const asked = replyTo(INBOUND, ...opening);
  assert.equal(asked.say, "Thank you. May I have your name, please? What's the best number to call you back?");
  const answered = replyTo(INBOUND, ...opening, said(asked.say ?? ''), heard('Sure, Bob Miller. You can reach me at 555 0199.'));
  assert.equal(answered.say, 'Let me read that back: Bob Miller, calling about the car. The callback number is 555 0199. Is that right?');

  const vague = [said(GREETING), heard('Hi, this is Bob.'), said('Thank you. What is the call about?'), heard('The car is ready for pickup.')];
  assert.match(replyTo(INBOUND, ...vague).say ?? '', /^Thank you\. What's the best number to call you back\?$/);
  const sameNumber = [...vague, said("Thank you. What's the best number to call you back?"), heard('This number is fine.')];
  assert.equal(
    replyTo(INBOUND, ...sameNumber).say,
    'Let me read that back: Bob, with this message: The car is ready for pickup. The callback number is +18005550111. Is that right?',
  );
});

test('says the owner cannot come to the phone, and still takes the message', () => {
  const reply = replyTo(INBOUND, said(GREETING), heard('Hi, this is Sam. Can I speak to Jane?'));
  assert.equal(reply.say, "Jane can't come to the phone right now, but I'll pass on your message. What is the call about? What's the best number to call you back?");
});

test('answers for an owner whose name the brief does not give without making one up', () => {
  const nameless = answeringBriefFor('the account owner');
  assert.equal(replyTo(nameless).say, "Hello, you've reached the account owner's phone, this is their assistant. How can I help?");
  assert.equal(replyTo(nameless, said(GREETING), heard('Is she there?')).say?.startsWith("They can't come to the phone right now"), true);
  const readBack = [said(GREETING), heard(DANA_REASON), said(DANA_READ_BACK), heard("Yes, that's right.")];
  assert.equal(replyTo(nameless, ...readBack).say, "Thank you, Dana. I'll make sure they get your message. Goodbye!");
});

test('puts a read-back right when the caller corrects it', () => {
  const readBack = [said(GREETING), heard(DANA_REASON), said(DANA_READ_BACK)];
  assert.equal(
    replyTo(INBOUND, ...readBack, heard('No, the number is 555 0143.')).say,
    "Let me read that back: Dana from Patel Dental, calling to confirm Jane's cleaning tomorrow at 10 am. The callback number is 555 0143. Is that right?",
  );
  assert.equal(replyTo(INBOUND, ...readBack, heard("No, that's not right.")).say, 'Sorry about that. What should I correct?');
});

test('greets a caller who spoke first, asks again for speech it could not make out, and lets a caller go', () => {
  assert.equal(
    replyTo(INBOUND, heard(DANA_REASON)).say,
    `Hello, you've reached Jane Doe's phone, this is Jane's assistant. ${DANA_READ_BACK}`,
  );
  const greetedLate = `Hello, you've reached Jane Doe's phone, this is Jane's assistant. ${DANA_READ_BACK}`;
  assert.deepEqual(replyTo(INBOUND, heard(DANA_REASON), said(greetedLate), heard("Yes, that's right.")).toolCalls.map((call) => call.name), [
    'record_outcome',
    'end_call',
  ]);
  assert.equal(replyTo(INBOUND, said(GREETING), heard('')).say, 'Sorry, could you repeat that?');
  const leaving = replyTo(INBOUND, said(GREETING), heard("Hi, it's Dana. Never mind, I'll call back later. Bye."));
  assert.deepEqual(leaving.toolCalls.map((call) => call.name), ['record_outcome', 'end_call']);
});

test('finds who, what and where to call back in the usual wordings', () => {
  const lines = (...texts: string[]) => texts.map((text) => ({ text, asked: [] }));
  assert.deepEqual(messageFrom(lines(DANA_REASON), null), {
    name: 'Dana',
    organization: 'Patel Dental',
    reason: "calling to confirm Jane's cleaning tomorrow at 10 am",
    callbackNumber: '555 0142',
  });
  assert.deepEqual(messageFrom(lines("It's Jane's pharmacy.", 'My name is Ana Ruiz, from Evergreen Pharmacy.', 'I wanted to say the prescription is ready.', 'Call 415-555-0199.'), null), {
    name: 'Ana Ruiz',
    organization: 'Evergreen Pharmacy',
    reason: 'wanted to say the prescription is ready',
    callbackNumber: '415-555-0199',
  });
});

test("Dana, the sandbox's scripted caller, leaves her whole message and hangs up after the goodbye", () => {
  const dana = findCaller('dana')!;
  const replies = new CallerReplies(dana);
  const conversation: ConversationEntry[] = [];
  let hungUp = false;
  for (let turn = 0; turn < 6 && !hungUp; turn++) {
    const agent = decideReply({ instructions: answeringBriefFor('Jane Doe', dana.number), conversation });
    if (agent.say) conversation.push(said(agent.say));
    for (const call of agent.toolCalls) conversation.push({ kind: 'toolCall', name: call.name, arguments: JSON.stringify(call.arguments) });
    const answer = replies.replyTo(agent.say);
    if (answer) conversation.push(heard(answer.say.join(' ')));
    hungUp = answer?.hangUp ?? false;
  }
  assert.ok(hungUp, 'Dana said goodbye and hung up');
  const recorded = conversation.find((entry) => entry.kind === 'toolCall' && entry.name === 'record_outcome');
  const notes = recorded?.kind === 'toolCall' ? String(JSON.parse(recorded.arguments).notes) : '';
  for (const value of Object.values(dana.message)) {
    assert.ok(notes.toLowerCase().includes(value.toLowerCase().split(' ')[0]), `the message mentions ${value}: ${notes}`);
  }
  assert.ok(conversation.some((entry) => entry.kind === 'toolCall' && entry.name === 'end_call'));
});
