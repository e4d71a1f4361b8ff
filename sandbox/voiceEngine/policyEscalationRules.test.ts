import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BILLING, called, heard, onHold, replyTo, result, said } from './policyTestCalls.js';

const ASK_FOR_SUPERVISOR = 'I understand. Could I please speak with a supervisor about this?';

test('asks for a supervisor, and records why, when the representative refuses', () => {
  const refusals = [
    "I'm sorry, I can't do that.",
    "Unfortunately there's nothing I can do about that charge.",
    "I'm not able to issue a refund for that.",
    "That's against our policy, I'm afraid.",
    'We are unable to waive that fee.',
    'Lo siento, no puedo hacer eso.',
  ];
  for (const refusal of refusals) {
    const { say, toolCalls } = replyTo(BILLING, heard(refusal));
    assert.match(say ?? '', /supervisor/, refusal);
    assert.deepEqual(toolCalls, [{ name: 'escalate', arguments: { reason: `The representative refused: "${refusal}"` } }], refusal);
  }
});

test('asks for a supervisor only once, then asks for the refusal to be noted', () => {
  const reply = replyTo(
    BILLING,
    heard("I can't do that."),
    said(ASK_FOR_SUPERVISOR),
    called('escalate', { reason: 'refused' }),
    result,
    heard("No, sorry, there's nothing more I can do."),
  );
  assert.equal(reply.say, 'I understand. Could you please note this on the account and give me a reference number?');
  assert.deepEqual(reply.toolCalls, []);
});

test('does not escalate over a reference number it cannot have', () => {
  const reply = replyTo(
    BILLING,
    heard('Is there anything else?'),
    said('Before we finish, could I get a case or reference number for this?'),
    heard("Sorry, I can't give one. Anything else?"),
  );
  assert.deepEqual(reply.toolCalls, [{ name: 'end_call', arguments: { reason: 'done' } }]);
});

test('restates the issue briefly when the supervisor comes on', () => {
  const pickups = [
    'Hi, this is Dana, the billing supervisor. I hear you need help with a charge?',
    'Hello, I am the manager on duty. How can I help?',
    'Thanks for holding, this is Kim.',
  ];
  for (const pickup of pickups) {
    const { say } = replyTo(
      BILLING,
      heard("I can't do that."),
      said(ASK_FOR_SUPERVISOR),
      called('escalate', { reason: 'refused' }),
      result,
      heard('Let me get my supervisor. Please hold.'),
      ...onHold,
      heard(''),
      heard(pickup),
    );
    assert.equal(
      say,
      "Thank you for taking the call. I'm calling on behalf of Jane Doe. I was charged twice for my October bill and want a refund of the duplicate charge. The representative told us they could not help with this.",
      pickup,
    );
  }
});

test('says it is bringing the customer on, and asks for them with request_user, when only the account holder may proceed', () => {
  const demands = [
    "I'm sorry, I can only discuss this account with the account holder.",
    'For security reasons I need to speak with the account holder directly.',
    "I've just sent a one-time code to the phone number on file. Can you read it to me?",
    "I'll need the account holder's verbal authorization before I can make changes.",
    'Because of privacy rules I can only discuss the account with the patient. If the patient can join the call, I am happy to wait.',
    'Is the patient available?',
  ];
  for (const demand of demands) {
    const { say, toolCalls } = replyTo(BILLING, heard(demand));
    assert.equal(say, "One moment please, I'm bringing Jane onto the line.", demand);
    assert.deepEqual(toolCalls.map((call) => call.name), ['request_user'], demand);
    const quoted = /^The representative needs the account holder: "(.+)"$/.exec(String(toolCalls[0].arguments.reason));
    assert.ok(quoted && demand.includes(quoted[1]), `the reason quotes the demand: ${toolCalls[0].arguments.reason}`);
  }
});

test('stays quiet when the tool answers, then keeps the representative informed and asks only once', () => {
  const bringing = said("One moment please, I'm bringing Jane onto the line.");
  const asked = [heard('Only the account holder can make that change.'), bringing, called('request_user', { reason: 'account holder' })];
  const joining = { ok: true, note: 'Tell the representative you are bringing the customer onto the line now, then stay quiet.' };
  const answered = { kind: 'toolResult' as const, output: JSON.stringify(joining) };
  assert.deepEqual(replyTo(BILLING, ...asked, answered), { say: null, toolCalls: [] }, 'already said');
  assert.deepEqual(replyTo(BILLING, ...asked, answered, heard('Is the account holder available?')), {
    say: 'Jane is joining the line, one moment please.',
    toolCalls: [],
  });
  assert.deepEqual(replyTo(BILLING, ...asked, answered, heard('Only the account holder can make that change.')).toolCalls, [], 'asked once only');
});
