import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideReply, type ConversationEntry } from './policy.js';
import { REPEAT_REQUEST } from './policyRules.js';
import { BILLING } from './policyTestCalls.js';

const INSTRUCTIONS = BILLING;

const heard = (text: string): ConversationEntry => ({ kind: 'heard', text });
const said = (text: string): ConversationEntry => ({ kind: 'said', text });
const reply = (...conversation: ConversationEntry[]) => decideReply({ instructions: INSTRUCTIONS, conversation });

test('answers a greeting by introducing itself and stating the issue verbatim', () => {
  const { say, toolCalls } = reply(heard('Thank you for calling Acme Telecom, this is Sam. How can I help you today?'));
  assert.equal(
    say,
    "Hi, I'm calling on behalf of Jane Doe. I was charged twice for my October bill and want a refund of the duplicate charge.",
  );
  assert.deepEqual(toolCalls, []);
});

test('opens the call itself when asked to speak before hearing anything', () => {
  assert.match(decideReply({ instructions: INSTRUCTIONS, conversation: [] }).say ?? '', /on behalf of Jane Doe/);
});

test('answers questions for facts from the brief, and only those asked', () => {
  assert.equal(reply(heard('Can I have the account number, please?')).say, 'The account number is 4417 2290.');
  assert.equal(
    reply(heard("Sure. What's the name on the account and the account number?")).say,
    'The full name is Jane Doe. The account number is 4417 2290.',
  );
});

test('does not mistake the representative introducing themselves for a question about a name', () => {
  assert.doesNotMatch(reply(heard('My name is Sam. How can I help?')).say ?? '', /full name/);
});

test('says so when asked for something it was not given', () => {
  assert.equal(reply(heard('What is your date of birth?')).say, "I'm sorry, I don't have the date of birth with me.");
  assert.equal(reply(heard('Okay. When did you first notice the charge?')).say, "Sorry, I don't have that information with me.");
});

test('says who it is when asked, without claiming to be the customer', () => {
  assert.equal(reply(heard('Who am I speaking with?')).say, "I'm an assistant calling on behalf of Jane Doe.");
  assert.equal(reply(heard('Are you the account holder?')).say, "I'm an assistant calling on behalf of Jane Doe.");
});

test('answers a yes/no question it has no rule for with a neutral acknowledgement', () => {
  assert.equal(reply(heard('Did you receive our email last week?')).say, 'Okay, thank you.');
});

test('reads back a case number and records it with the next steps it heard', () => {
  const { say, toolCalls } = reply(
    heard('I have filed a refund request. Your case number is A C M 4 8 2 1 3. You will see the refund within 5 business days.'),
  );
  assert.equal(say, 'Let me read that back: A C M 4 8 2 1 3.');
  assert.deepEqual(toolCalls, [
    {
      name: 'record_outcome',
      arguments: { caseNumber: 'ACM48213', nextSteps: ['You will see the refund within 5 business days.'], resolved: 'partial' },
    },
  ]);
});

test('reports the issue as resolved when the representative said the refund was issued', () => {
  const { toolCalls } = reply(heard("I've issued a refund of the duplicate charge. Your reference number is 5 5 1 9."));
  assert.equal(toolCalls[0].arguments.resolved, 'yes');
});

test('thanks, says goodbye and ends the call when asked if there is anything else', () => {
  const { say, toolCalls } = reply(
    heard('Your case number is A C M 4 8 2 1 3.'),
    said('Let me read that back: A C M 4 8 2 1 3.'),
    { kind: 'toolCall', name: 'record_outcome', arguments: '{"caseNumber":"ACM48213"}' },
    { kind: 'toolResult', output: '{"ok":true}' },
    heard('That is correct. Is there anything else I can help you with?'),
  );
  assert.match(say ?? '', /thank you/i);
  assert.match(say ?? '', /goodbye/i);
  assert.deepEqual(toolCalls, [{ name: 'end_call', arguments: { reason: 'done' } }]);
});

test('asks for a reference number before hanging up if none was given', () => {
  const first = reply(heard('Is there anything else I can help you with?'));
  assert.match(first.say ?? '', /case or reference number/);
  assert.deepEqual(first.toolCalls, []);
  const second = reply(heard('Is there anything else?'), said(first.say ?? ''), heard("Sorry, I can't give one. Anything else?"));
  assert.deepEqual(second.toolCalls, [{ name: 'end_call', arguments: { reason: 'done' } }]);
});

test('reads back and closes in one reply when both come in one breath', () => {
  const { toolCalls } = reply(heard('Your case number is 4 4 7 1. Anything else today?'));
  assert.deepEqual(toolCalls.map((call) => call.name), ['record_outcome', 'end_call']);
});

test('asks to repeat unrecognized speech at most twice in a row', () => {
  assert.equal(reply(heard('')).say, REPEAT_REQUEST);
  assert.equal(reply(heard(''), said(REPEAT_REQUEST), heard('')).say, REPEAT_REQUEST);
  assert.deepEqual(reply(heard(''), said(REPEAT_REQUEST), heard(''), said(REPEAT_REQUEST), heard('')), {
    say: null,
    toolCalls: [],
  });
});

test('the repeat allowance starts over once speech is understood again', () => {
  const conversation = [heard(''), said(REPEAT_REQUEST), heard(''), said(REPEAT_REQUEST), heard('Let me check that.'), said('Sure, take your time.'), heard('')];
  assert.equal(reply(...conversation).say, REPEAT_REQUEST);
});

test('refuses what the customer did not allow', () => {
  assert.match(reply(heard('Would you like to upgrade your plan for just 5 dollars more?')).say ?? '', /without checking with Jane Doe/);
});

test('stays quiet after a tool result until the other side speaks', () => {
  const outcome = reply(heard('Your case number is 4 4 7 1.'), said('Let me read that back: 4 4 7 1.'), {
    kind: 'toolCall',
    name: 'record_outcome',
    arguments: '{}',
  }, { kind: 'toolResult', output: 'ok' });
  assert.deepEqual(outcome, { say: null, toolCalls: [] });
});

test('follows a line scripted in the response instructions', () => {
  const outcome = decideReply({
    instructions: INSTRUCTIONS,
    responseInstructions: 'Say "Please hold on a moment." and nothing else.',
    conversation: [heard('Hello?')],
  });
  assert.deepEqual(outcome, { say: 'Please hold on a moment.', toolCalls: [] });
});

test('responds to everything heard since it last spoke, including a turn it never answered', () => {
  const { say } = reply(said('Hi.'), heard('Thanks for calling.'), heard('How can I help?'));
  assert.match(say ?? '', /charged twice/);
});
