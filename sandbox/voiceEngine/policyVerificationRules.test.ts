import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BILLING, briefFor, heard, replyTo, said } from './policyTestCalls.js';

const WITH_CARD = briefFor('I was charged twice for my October bill.', {
  'Account holder': 'Jane Doe',
  'Acct #': '4417 2290',
  'Billing ZIP': '94107',
  'Last 4 of card': '8812',
  'E-mail address': 'jane.doe@example.com',
  'Callback number': '415 555 0142',
  'Service address': '12 Oak Street, San Francisco',
});

test('answers verification questions from the facts, by whatever name they are asked', () => {
  const table: Array<[string, string]> = [
    ['Can I get the zip code on the account?', 'The billing zip is 94107.'],
    ['And your postal code?', 'The billing zip is 94107.'],
    ["I'll need to verify the last four digits of the card on file.", 'The last 4 of card is 8812.'],
    ["What's the email we have for you?", 'The e-mail address is jane.doe@example.com.'],
    ['What is the best number to reach you at?', 'The callback number is 415 555 0142.'],
    ['Can you confirm the service address?', 'The service address is 12 Oak Street, San Francisco.'],
    ['Could I have the name on the account and the account number?', 'The account holder is Jane Doe. The acct # is 4417 2290.'],
    ['Please state your full name.', 'The account holder is Jane Doe.'],
  ];
  for (const [question, answer] of table) assert.equal(replyTo(WITH_CARD, heard(question)).say, answer, question);
});

test('says it does not have a fact it was not given, naming it, and never invents one', () => {
  const table: Array<[string, string]> = [
    ['For security, what is the date of birth on the account?', "I'm sorry, I don't have the date of birth with me."],
    ['When was the account holder born?', "I'm sorry, I don't have the date of birth with me."],
    ['Can you give me the last four of the social?', "I'm sorry, I don't have the last four digits with me."],
    ['And the address on file?', "I'm sorry, I don't have the address with me."],
  ];
  for (const [question, answer] of table) assert.equal(replyTo(BILLING, heard(question)).say, answer, question);
  assert.equal(
    replyTo(BILLING, heard('What is your account number and date of birth?')).say,
    "The account number is 4417 2290. I'm sorry, I don't have the date of birth with me.",
  );
});

test('answers only what is asked when a question names another fact to say which one', () => {
  assert.equal(replyTo(BILLING, heard('Can you tell me the zip code for the service address?')).say, 'The zip code is 94107.');
  assert.equal(replyTo(BILLING, heard('And finally the zip code on the policy.')).say, 'The zip code is 94107.');
});

test('answers a greeting that comes with a question, and states the issue when asked for it', () => {
  const greeting = heard('Claims department, this is Heather. Before we get started, can I have your account number?');
  assert.equal(replyTo(BILLING, greeting).say, 'The account number is 4417 2290.');
  assert.match(replyTo(BILLING, greeting, said('The account number is 4417 2290.'), heard('Thanks. How can I help?')).say ?? '', /charged twice/);
});

test('does not take a question about something else for a question about a fact', () => {
  assert.equal(replyTo(BILLING, heard('Did you receive our email last week?')).say, 'Okay, thank you.');
});

test('spells a value when asked, the named one or the one just given', () => {
  assert.equal(
    replyTo(BILLING, heard('What is the email?'), said('The email is jane.doe@example.com.'), heard('Could you spell that for me?')).say,
    "Sure, that's J A N E dot D O E at E X A M P L E dot C O M.",
  );
  assert.equal(replyTo(BILLING, heard('Can you spell your full name?')).say, "Sure, that's J A N E, D O E.");
});

test('repeats a value digit by digit, or the last thing it said', () => {
  assert.equal(
    replyTo(BILLING, heard('Account number?'), said('The account number is 4417 2290.'), heard("Sorry, I didn't catch that. Can you repeat it?")).say,
    'The account number is 4 4 1 7 2 2 9 0.',
  );
  assert.equal(
    replyTo(BILLING, heard('How can I help?'), said("Hi, I'm calling on behalf of Jane Doe."), heard('Sorry, could you say that again?')).say,
    "Hi, I'm calling on behalf of Jane Doe.",
  );
});

test('confirms a fact read back correctly and corrects one read back wrong', () => {
  assert.equal(replyTo(BILLING, heard('So that is account 4 4 1 7 2 2 9 0, is that correct?')).say, "Yes, that's correct.");
  assert.equal(replyTo(BILLING, heard('I have your account number as 4417 2291. Is that right?')).say, 'No, the account number is 4417 2290.');
  assert.equal(replyTo(BILLING, heard('So you were charged twice on your October bill, is that right?')).say, "Yes, that's correct.");
});

test('says who it is instead of pretending to be the customer', () => {
  for (const question of ['Am I speaking with the account holder?', "Who's calling, please?", 'May I ask who is calling?']) {
    assert.equal(replyTo(BILLING, heard(question)).say, "I'm an assistant calling on behalf of Jane Doe.", question);
  }
});
