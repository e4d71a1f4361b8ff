import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DigitArrival } from './businessScript.js';
import { MULAW_SILENCE } from '../../common/audio/mulaw.js';
import { callScenario, type CallerSimulator, scenarioFromYaml } from './callerSimulator.js';

const MAIN_PROMPT = 'For accounts, press 1. For cards, press 2.';
const CARDS_PROMPT = 'To report a lost card, press 3. To go back, press star.';
const DESK_GREETING = 'Card services, how can I help?';

function bank(digits: DigitArrival = 'either', { ignoresFirstPress = false } = {}): Promise<CallerSimulator> {
  const script = scenarioFromYaml(`
name: Test Bank
number: "+18005550190"
ivr:
  digits: ${digits}
  timeoutSeconds: 2
  repeats: 1
  menus:
    main:
      ignoresFirstPress: ${ignoresFirstPress}
      greeting: Welcome to Test Bank.
      prompt: ${MAIN_PROMPT}
      options:
        - { digit: "1", to: desk }
        - { digit: "2", to: cards }
    cards:
      prompt: ${CARDS_PROMPT}
      options:
        - { digit: "3", to: desk }
        - { digit: "*", to: main }
departments:
  desk:
    agent:
      turns:
        - say: ${DESK_GREETING}
        - { say: Goodbye., to: hang-up }
expected:
  path: ["2", "3"]
  outcome: { finalStatus: completed, caseNumber: false }
`);
  return callScenario(script);
}

test('a caller walks a two-level menu with out-of-band keys (telephone events)', async () => {
  const caller = await bank();
  assert.equal(await caller.nextBusinessTurn(), `Welcome to Test Bank. ${MAIN_PROMPT}`);
  caller.pressOutOfBand('2');
  assert.equal(await caller.nextBusinessTurn(), CARDS_PROMPT);
  caller.pressOutOfBand('3');
  assert.equal(await caller.nextBusinessTurn(), DESK_GREETING);
  const report = caller.line.report!();
  assert.deepEqual(report.menuPath, ['2', '3']);
  assert.deepEqual(report.menus, ['main', 'cards']);
  assert.deepEqual(
    report.keys.map(({ digit, via, accepted }) => ({ digit, via, accepted })),
    [
      { digit: '2', via: ['out-of-band'], accepted: true },
      { digit: '3', via: ['out-of-band'], accepted: true },
    ],
  );
  assert.ok(report.humanAnsweredAfterSeconds! > report.keys[1].atSeconds);
});

test('the same walk works with key tones in the audio (in-band)', async () => {
  const caller = await bank();
  await caller.nextBusinessTurn();
  caller.pressInBand('2');
  assert.equal(await caller.nextBusinessTurn(), CARDS_PROMPT, 'the tone is a key, not speech');
  caller.pressInBand('*');
  assert.equal(await caller.nextBusinessTurn(), MAIN_PROMPT, 'star goes back; the greeting is said once');
  caller.pressInBand('1');
  assert.equal(await caller.nextBusinessTurn(), DESK_GREETING);
  assert.deepEqual(caller.line.report!().menuPath, ['2', '*', '1']);
  assert.deepEqual(caller.line.heard, [], 'key tones are never taken for speech');
});

test("a keypad that sends a tone and an event for each key (the carrier's <Play digits>) presses once", async () => {
  const caller = await bank();
  await caller.nextBusinessTurn();
  caller.pressLikeCarrier('2');
  assert.equal(await caller.nextBusinessTurn(), CARDS_PROMPT);
  const [press] = caller.line.report!().keys;
  assert.deepEqual(press.via, ['out-of-band', 'in-band']);
  assert.equal(caller.line.report!().keys.length, 1);
});

test('an in-band-only menu ignores telephone events; an out-of-band-only menu ignores tones', async () => {
  const oldSystem = await bank('in-band');
  await oldSystem.nextBusinessTurn();
  oldSystem.pressOutOfBand('2');
  assert.equal(await oldSystem.nextBusinessTurn(), `Sorry, we didn't receive your selection. ${MAIN_PROMPT}`);
  oldSystem.pressInBand('2');
  assert.equal(await oldSystem.nextBusinessTurn(), CARDS_PROMPT);
  assert.deepEqual(
    oldSystem.line.report!().keys.map(({ via, accepted }) => ({ via, accepted })),
    [
      { via: ['out-of-band'], accepted: false },
      { via: ['in-band'], accepted: true },
    ],
  );

  const cloudIvr = await bank('out-of-band');
  await cloudIvr.nextBusinessTurn();
  cloudIvr.pressInBand('2');
  assert.equal(await cloudIvr.nextBusinessTurn(), `Sorry, we didn't receive your selection. ${MAIN_PROMPT}`);
  cloudIvr.pressLikeCarrier('2');
  assert.equal(await cloudIvr.nextBusinessTurn(), CARDS_PROMPT);
});

test('invalid keys get the invalid message and the prompt again, then the menu gives up', async () => {
  const caller = await bank();
  await caller.nextBusinessTurn();
  caller.pressOutOfBand('7');
  assert.equal(await caller.nextBusinessTurn(), `Sorry, that's not a valid option. ${MAIN_PROMPT}`);
  caller.pressOutOfBand('9');
  assert.equal(await caller.nextBusinessTurn(), "We're sorry, we were unable to process your request. Goodbye.");
  assert.equal(await caller.nextBusinessTurn(), null);
  assert.ok(caller.hungUp);
  assert.deepEqual(caller.line.report!().menuPath, []);
});

const SPEECH_PROMPT = 'Tell me in a few words what you are calling about.';

function speechLine(): Promise<CallerSimulator> {
  const script = scenarioFromYaml(`
name: Talkative Telco
number: "+18005550191"
ivr:
  timeoutSeconds: 2
  repeats: 1
  invalidMessage: Sorry, I didn't catch that.
  menus:
    main:
      prompt: ${SPEECH_PROMPT}
      options:
        - { keywords: [billing, charge], say: "Okay, billing.", to: desk }
        - { keywords: [agent, representative], to: desk }
      unrecognizedSpeech: agent
departments:
  desk:
    agent:
      turns:
        - say: ${DESK_GREETING}
        - { say: Goodbye., to: hang-up }
expected:
  path: [billing]
  outcome: { finalStatus: completed }
`);
  return callScenario(script);
}

test('a speech menu routes by keyword, and asks again when it hears no keyword', async () => {
  const caller = await speechLine();
  assert.equal(await caller.nextBusinessTurn(), SPEECH_PROMPT);
  await caller.say('Um, hello?');
  assert.equal(await caller.nextBusinessTurn(), `Sorry, I didn't catch that. ${SPEECH_PROMPT}`);
  await caller.say('There is a strange charge on my account.');
  assert.equal(await caller.nextBusinessTurn(), `Okay, billing. ${DESK_GREETING}`);
  assert.deepEqual(caller.line.report!().menuPath, ['billing']);
});

test('speech the menu cannot recognize (a real AI voice) takes the menu fallback option', async () => {
  const caller = await speechLine();
  await caller.nextBusinessTurn();
  caller.sayUnrecognizable();
  assert.equal(await caller.nextBusinessTurn(), DESK_GREETING);
  assert.deepEqual(caller.line.report!().menuPath, ['agent']);
  assert.deepEqual(caller.line.heard, ['(unrecognized speech)']);
});

test('a menu can collect a keyed number and checks it against the expected one', async () => {
  const script = scenarioFromYaml(`
name: Keyed Pharmacy
number: "+18005550192"
ivr:
  timeoutSeconds: 2
  repeats: 1
  menus:
    entry:
      prompt: Please enter your prescription number, followed by the pound key.
      invalidMessage: That number was not found.
      collect: { slot: prescription, terminator: "#", expected: "4410023", to: desk }
departments:
  desk:
    agent:
      turns:
        - say: ${DESK_GREETING}
        - { say: Goodbye., to: hang-up }
expected:
  outcome: { finalStatus: completed }
`);
  const caller = await callScenario(script);
  await caller.nextBusinessTurn();
  caller.pressLikeCarrier('4410000#');
  assert.equal(await caller.nextBusinessTurn(), 'That number was not found. Please enter your prescription number, followed by the pound key.');
  caller.pressLikeCarrier('4410023#');
  assert.equal(await caller.nextBusinessTurn(), DESK_GREETING);
  assert.deepEqual(caller.line.report!().slots.prescription, { heard: '4410023', value: '4410023', matched: true });
});

/** The test bank on a flaky line: its main menu loses the first key press. */
function flakyBank(): Promise<CallerSimulator> {
  return bank('either', { ignoresFirstPress: true });
}

test('a menu on a flaky line loses the first press and, after a short pause, plays its prompt again', async () => {
  const caller = await flakyBank();
  assert.equal(await caller.nextBusinessTurn(), `Welcome to Test Bank. ${MAIN_PROMPT}`);
  caller.pressLikeCarrier('2');
  const pause = await caller.listen(1.2);
  assert.ok(pause.every((byte) => byte === MULAW_SILENCE), 'silence while the press is lost');
  assert.equal(await caller.nextBusinessTurn(), MAIN_PROMPT, 'the prompt again, without the greeting or an error message');
  caller.pressLikeCarrier('2');
  assert.equal(await caller.nextBusinessTurn(), CARDS_PROMPT, 'the second press lands');
  assert.deepEqual(caller.line.report!().menuPath, ['2'], 'the lost press chose nothing');
});

test('every key of the lost press is lost, and a later visit to the menu takes keys at once', async () => {
  const caller = await flakyBank();
  await caller.nextBusinessTurn();
  caller.pressLikeCarrier('21');
  assert.equal(await caller.nextBusinessTurn(), MAIN_PROMPT, 'neither 2 nor 1 was taken');
  caller.pressOutOfBand('2');
  assert.equal(await caller.nextBusinessTurn(), CARDS_PROMPT);
  caller.pressOutOfBand('*');
  assert.equal(await caller.nextBusinessTurn(), MAIN_PROMPT);
  caller.pressOutOfBand('1');
  assert.equal(await caller.nextBusinessTurn(), DESK_GREETING, 'only the first press of the call is lost');
  assert.deepEqual(caller.line.report!().menuPath, ['2', '*', '1']);
});

test('ignoresFirstPress must be true or false', () => {
  assert.throws(
    () => scenarioFromYaml(`
name: Bad Bank
number: "+18005550194"
ivr:
  menus:
    main:
      ignoresFirstPress: sometimes
      prompt: ${MAIN_PROMPT}
      options:
        - { digit: "1", to: hang-up }
expected:
  outcome: { finalStatus: completed }
`),
    /ignoresFirstPress.*expected true or false/s,
  );
});
