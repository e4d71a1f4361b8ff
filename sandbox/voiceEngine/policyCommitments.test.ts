import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commitmentsIn } from './policyCommitments.js';
import { BILLING, called, heard, replyTo, result, said } from './policyTestCalls.js';

test('finds the dates, times and amounts a representative commits to', () => {
  const table: Array<[string, string[]]> = [
    ["We'll call you back on Monday, December 7th.", ['a call back on Monday, December 7th']],
    ['Someone will call you back tomorrow afternoon.', ['a call back tomorrow afternoon']],
    ['Expect a call on Friday between 9 and 11 AM.', ['a call back on Friday between 9 and 11 AM']],
    ["I've applied a credit of $25 to your account.", ['a credit of $25']],
    ['You will get a $40.50 refund on your next statement.', ['a $40.50 refund']],
    ['A technician will visit on Tuesday, March third.', ['the technician on Tuesday, March third']],
    ['The refund of 12 dollars will arrive by the 15th of January.', ['The refund of 12 dollars', 'the refund by the 15th of January']],
    ['Le llamaremos el lunes 7 de diciembre.', ['una llamada el lunes 7 de diciembre']],
    ["I've put a credit of 15 dollars and 4 cents on the account.", ['a credit of 15 dollars and 4 cents']],
    ["I've booked a technician visit for Thursday, November 27, between eight and noon.", ['the technician for Thursday, November 27']],
    ['You should see it within five business days.', []],
  ];
  for (const [sentence, expected] of table) {
    assert.deepEqual(commitmentsIn(sentence, sentence.startsWith('Le ') ? 'es' : 'en'), expected, sentence);
  }
});

test('reads back a promised callback with its date and records it as a next step', () => {
  const { say, toolCalls } = replyTo(BILLING, heard("I've escalated this to our billing team. We'll call you back on Monday, December 7th."));
  assert.equal(say, 'Just to confirm: a call back on Monday, December 7th.');
  assert.deepEqual(toolCalls, [
    { name: 'record_outcome', arguments: { nextSteps: ["We'll call you back on Monday, December 7th."], resolved: 'partial' } },
  ]);
});

test('reads back the case number together with an amount credited', () => {
  const { say, toolCalls } = replyTo(
    BILLING,
    heard("I've applied a credit of $25 to your account. Your case number is 7 7 4 1 2. You'll see it on your next statement."),
  );
  assert.equal(say, 'Let me read that back: 7 7 4 1 2; a credit of $25.');
  assert.deepEqual(toolCalls[0].arguments, {
    caseNumber: '77412',
    nextSteps: ["I've applied a credit of $25 to your account.", "You'll see it on your next statement."],
    resolved: 'yes',
  });
});

test('adds a later promise to the case already recorded, without reading it back twice', () => {
  const earlier = [heard('Your case number is 4 4 7 1.'), said('Let me read that back: 4 4 7 1.'), called('record_outcome', { caseNumber: '4471' }), result];
  const { toolCalls } = replyTo(BILLING, ...earlier, heard('Also, a technician will visit on Tuesday, March 3rd.'));
  assert.deepEqual(toolCalls[0].arguments, { caseNumber: '4471', nextSteps: ['Also, a technician will visit on Tuesday, March 3rd.'], resolved: 'partial' });
  const repeated = replyTo(
    BILLING,
    ...earlier,
    heard('Also, a technician will visit on Tuesday, March 3rd.'),
    said('Just to confirm: the technician on Tuesday, March 3rd.'),
    heard('Yes, a technician will visit on Tuesday, March 3rd.'),
  );
  assert.deepEqual(repeated.toolCalls, []);
});

test('still asks for a reference number when only a callback was promised', () => {
  const { say } = replyTo(BILLING, heard('Someone will call you back tomorrow afternoon. Is there anything else?'));
  assert.equal(say, 'Just to confirm: a call back tomorrow afternoon. Before we finish, could I get a case or reference number for this?');
});
