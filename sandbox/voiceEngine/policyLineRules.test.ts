import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideReply } from './policy.js';
import { BILLING, briefFor, called, heard, INTERNET, onHold, pressed, replyTo, result, said, SILENT, UNLISTED } from './policyTestCalls.js';

const MENUS = {
  classic: 'Thank you for calling Acme. For billing, press 1. For technical support, press 2. To speak with a representative, press 0.',
  compact: 'Press 3 for repairs and outages, 4 for payments and refunds, or 0 for an operator.',
  wordy:
    "Welcome to Globex Cable. If your internet or TV isn't working, press 5. For questions about an invoice or a charge, press 6. For all other questions, press 9.",
  labelFirst: 'Account changes, press 1. Billing and payments, press 2. Technical help, press 3. Everything else, press 4.',
};

test('presses the option that fits the issue, and says nothing', () => {
  const table: Array<[string, string, string]> = [
    [BILLING, MENUS.classic, '1'],
    [INTERNET, MENUS.classic, '2'],
    [BILLING, MENUS.compact, '4'],
    [INTERNET, MENUS.compact, '3'],
    [BILLING, MENUS.wordy, '6'],
    [INTERNET, MENUS.wordy, '5'],
    [BILLING, MENUS.labelFirst, '2'],
    [INTERNET, MENUS.labelFirst, '3'],
  ];
  for (const [brief, menu, digits] of table) {
    assert.deepEqual(replyTo(brief, heard(menu)), { say: null, toolCalls: [pressed(digits)] }, `${menu} -> ${digits}`);
  }
});

test('says the keyword when the menu only listens to speech', () => {
  assert.deepEqual(replyTo(BILLING, heard("Say 'billing' or 'support'.")), { say: 'billing', toolCalls: [] });
  assert.deepEqual(replyTo(INTERNET, heard('Please say billing, technical support, or agent.')).say, 'technical support');
  assert.deepEqual(replyTo(UNLISTED, heard("You can say 'sales', 'billing' or 'representative'."), heard("You can say 'sales', 'billing' or 'representative'.")).say, 'representative');
});

test('says the option when it may not press keys', () => {
  const reply = decideReply({
    instructions: BILLING,
    conversation: [heard('For billing, press 1 or say billing. For support, press 2 or say support.')],
    tools: ['record_outcome', 'end_call'],
  });
  assert.deepEqual(reply, { say: 'billing', toolCalls: [] });
});

test('when nothing fits, waits for the menu to play again, then asks for a person', () => {
  for (const menu of [MENUS.classic, MENUS.compact, MENUS.wordy, MENUS.labelFirst]) {
    assert.deepEqual(replyTo(UNLISTED, heard(menu)), SILENT, menu);
  }
  assert.deepEqual(replyTo(UNLISTED, heard(MENUS.classic), heard(MENUS.classic)).toolCalls, [pressed('0')]);
  assert.deepEqual(replyTo(UNLISTED, heard(MENUS.wordy), heard(MENUS.wordy)).toolCalls, [pressed('9')]);
  assert.deepEqual(replyTo(UNLISTED, heard(MENUS.labelFirst), heard(MENUS.labelFirst)).toolCalls, [pressed('4')]);
  const noOperator = 'For sales, press 1. For store hours, press 2.';
  assert.deepEqual(replyTo(UNLISTED, heard(noOperator), heard(noOperator)).toolCalls, [pressed('0')], 'zero reaches an operator');
});

test('decides on the first hearing when the prompt says the menu is complete', () => {
  const prompt = `${MENUS.classic} To hear these options again, press star.`;
  assert.deepEqual(replyTo(UNLISTED, heard(prompt)).toolCalls, [pressed('0')]);
});

test('waits while a menu arrives in pieces, and answers once the fitting option is heard', () => {
  const first = 'Thank you for calling. For billing, press 1.';
  assert.deepEqual(replyTo(INTERNET, heard(first)), SILENT);
  assert.deepEqual(replyTo(INTERNET, heard(first), heard('For technical support, press 2.')).toolCalls, [pressed('2')]);
  assert.deepEqual(replyTo(BILLING, heard('Para español, oprima 9.')), SILENT, 'the language option alone is no choice');
});

test('never presses the same wrong option twice in a row', () => {
  const again = replyTo(
    BILLING,
    heard(MENUS.classic),
    called('press_digits', { digits: '1' }),
    result,
    heard(`Sorry, that is not a valid selection. ${MENUS.classic}`),
  );
  assert.deepEqual(again.toolCalls, [pressed('0')]);
  const spoken = replyTo(BILLING, heard("Say 'billing' or 'agent'."), said('billing'), heard("I didn't get that. Say 'billing' or 'agent'."));
  assert.equal(spoken.say, 'agent');
});

test('answers the person, not the menu, when they pick up as the prompt plays again', () => {
  const claims = briefFor('A rock cracked my windshield and I need to file a glass claim.', { 'Full name': 'Jane Doe', 'Policy number': '4471 9902' });
  const menu = 'To report a new claim, press 1. To check on an existing claim, press 2.';
  const cutShort = 'To report a new claim, press 1. Claims department, this is Heather. Before we get started, can I have your policy number?';
  assert.deepEqual(replyTo(claims, heard(menu), called('press_digits', { digits: '1' }), result, heard(cutShort)), {
    say: 'The policy number is 4471 9902.',
    toolCalls: [],
  });
});

test('answers a sub-menu after a key press, even with keys used before', () => {
  const submenu = 'For a duplicate charge, press 1. For a late fee, press 2. For anything else, press 3.';
  const reply = replyTo(BILLING, heard(MENUS.classic), called('press_digits', { digits: '1' }), result, heard(submenu));
  assert.deepEqual(reply.toolCalls, [pressed('1')]);
});

test('picks the sub-menu option that restates the issue in other words', () => {
  const electricity = briefFor('My last electricity bill has a charge I do not recognize.');
  const submenu = 'Is your question about your most recent bill? If so, press 1. For a bill from an earlier month, press 2.';
  assert.deepEqual(replyTo(electricity, heard(submenu)).toolCalls, [pressed('1')]);
});

test('says nothing to announcements, and ignores the line going quiet after a key press', () => {
  for (const announcement of ['You have reached the Redwood County Water District customer line.', 'Thanks for calling Brightline Internet.']) {
    assert.deepEqual(replyTo(BILLING, heard(announcement)), SILENT, announcement);
  }
  assert.deepEqual(replyTo(BILLING, heard(MENUS.classic), called('press_digits', { digits: '1' }), result, heard('')), SILENT);
});

test('takes up a line on its offer of English', () => {
  assert.deepEqual(replyTo(BILLING, heard('Gracias por llamar. For English, press 1. Para español, oprima 2.')).toolCalls, [pressed('1')]);
});

test('keys in a fact the menu asks for, with the pound key when told', () => {
  assert.deepEqual(replyTo(BILLING, heard('Please enter your account number, followed by the pound key.')).toolCalls, [pressed('44172290#')]);
  assert.deepEqual(replyTo(BILLING, heard('Using your keypad, enter your five digit zip code.')).toolCalls, [pressed('94107')]);
});

const HOLDS = [
  'Please hold while I transfer your call.',
  'Your call is important to us. Please stay on the line and the next available agent will be with you shortly.',
  'All of our representatives are currently assisting other customers.',
  'You are caller number 4. Your estimated wait time is 6 minutes.',
  'Due to high call volume, calls will be answered in the order they were received.',
  'Por favor, permanezca en la línea. Su llamada es muy importante para nosotros.',
  'Okay, billing. Let me get you to someone who can help.',
];

test('goes on hold, silently, on every kind of hold message', () => {
  for (const hold of HOLDS) {
    assert.deepEqual(replyTo(BILLING, heard(hold)), { say: null, toolCalls: [{ name: 'wait_on_hold', arguments: {} }] }, hold);
  }
});

test('answers a person asking to hold, then holds', () => {
  assert.deepEqual(replyTo(BILLING, heard('Can I put you on a brief hold while I check?')), {
    say: 'Sure.',
    toolCalls: [{ name: 'wait_on_hold', arguments: {} }],
  });
});

test('stays silent on hold through music, announcements and promotions', () => {
  const onHoldHearing = [
    '',
    'Thank you for holding. An agent will be with you shortly.',
    'Did you know you can pay your bill online at acme dot com?',
    HOLDS[3],
  ];
  for (const text of onHoldHearing) {
    assert.deepEqual(replyTo(BILLING, heard(HOLDS[0]), ...onHold, heard(text)), SILENT, text);
  }
  assert.deepEqual(replyTo(BILLING, heard(HOLDS[0]), ...onHold, heard(''), heard(HOLDS[2]), heard('')), SILENT);
});

test('speaks again when a person picks up after the hold', () => {
  const pickups = [
    'Thanks for holding, this is Maria in billing. How can I help you?',
    'Hi, this is Dana.',
    'Hello? Are you there?',
    'Thank you for waiting. Who am I speaking with?',
  ];
  for (const pickup of pickups) {
    const { say } = replyTo(BILLING, heard(HOLDS[0]), ...onHold, heard(''), heard(HOLDS[3]), heard(pickup));
    assert.match(say ?? '', /on behalf of Jane Doe/, pickup);
  }
});

test('leaves a short message on a voicemail greeting and hangs up', () => {
  const greetings = [
    "Hi, you've reached Acme billing. We're not available to take your call right now. Please leave a message after the tone.",
    'You have reached the voicemail of Bob Smith. Please leave your message after the beep.',
    "Sorry we missed you! Nobody can answer the phone right now, but leave us a message at the tone and we'll call you back.",
    "You've reached Doctor Patel's office. We're away from the desk. Please leave your name, number and the reason for your call after the tone.",
  ];
  for (const greeting of greetings) {
    const { say, toolCalls } = replyTo(BILLING, heard(greeting));
    assert.match(say ?? '', /calling on behalf of Jane Doe\. I was charged twice.*Please call Jane Doe back at 415 555 0142\./, greeting);
    assert.deepEqual(toolCalls, [{ name: 'end_call', arguments: { reason: 'voicemail' } }]);
  }
});

test('leaves the message again when the beep cut it short', () => {
  const greeting = 'Please leave a message after the beep.';
  const { say } = replyTo(BILLING, heard(greeting), said('Hello, this is an assistant calling'), heard(''));
  assert.match(say ?? '', /^Hello, this is an assistant calling on behalf of Jane Doe\..*goodbye\.$/);
});

test('hangs up on a closed line', () => {
  const closed = [
    'Thank you for calling Acme. Our offices are currently closed. Our business hours are Monday through Friday, 8 AM to 6 PM.',
    'You have reached us outside of our normal business hours. Please call again tomorrow.',
    "We're closed for the holiday. Goodbye.",
    'Our phone hours are Tuesday and Thursday from nine to eleven. Please call back during those hours. Goodbye.',
    'Gracias por llamar. En este momento estamos cerrados.',
  ];
  for (const message of closed) {
    assert.deepEqual(replyTo(BILLING, heard(message)), { say: null, toolCalls: [{ name: 'end_call', arguments: { reason: 'closed' } }] }, message);
  }
});
