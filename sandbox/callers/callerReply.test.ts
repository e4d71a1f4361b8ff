import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallerReplies } from './callerReply.js';
import { findCaller } from './sandboxCallers.js';

const dana = findCaller('dana')!;

test('Dana gives her reason after the greeting, whatever it was', () => {
  const replies = new CallerReplies(dana);
  assert.deepEqual(replies.replyTo(null), { say: [dana.reason], hangUp: false });
  assert.ok(replies.hasGivenReason);
});

test('questions get the answers their keywords ask for, in one turn', () => {
  const replies = new CallerReplies(dana);
  replies.opening();
  assert.deepEqual(replies.replyTo('Could I have your name and the best number to call you back?'), {
    say: ['This is Dana, D A N A, from Patel Dental.', 'You can reach us at 555 0142.'],
    hangUp: false,
  });
  assert.deepEqual(replies.replyTo('What time is the appointment?')?.say, ["Jane's cleaning is tomorrow at 10 am."]);
});

test('a wrap-up gets goodbye and a hang-up, after confirming a read-back', () => {
  const replies = new CallerReplies(dana);
  replies.opening();
  assert.deepEqual(replies.replyTo("I've noted: Dana from Patel Dental, cleaning tomorrow at 10, call back at 555 0142. Is that correct? Anything else?"), {
    say: ["Yes, that's right.", dana.goodbye],
    hangUp: true,
  });
  assert.deepEqual(new CallerReplies(dana).farewell(), { say: [dana.goodbye], hangUp: true });
});

test('a read-back gets a yes on its own, not the answers its details would call for', () => {
  const replies = new CallerReplies(dana);
  replies.opening();
  assert.deepEqual(replies.replyTo("Let me read that back: Dana from Patel Dental, confirming Jane's cleaning tomorrow at 10 am. The callback number is 555 0142. Is that right?"), {
    say: ["Yes, that's right."],
    hangUp: false,
  });
});

test('statements get no reply; questions it cannot answer get the fallback, then a goodbye', () => {
  const replies = new CallerReplies(dana);
  replies.opening();
  assert.equal(replies.replyTo('Okay, I will pass that on to her.'), null);
  assert.deepEqual(replies.replyTo(null)?.say, [dana.fallback]);
  assert.deepEqual(replies.replyTo('Is your dog friendly?')?.say, [dana.fallback]);
  assert.deepEqual(replies.replyTo(null), { say: [dana.goodbye], hangUp: true });
});
