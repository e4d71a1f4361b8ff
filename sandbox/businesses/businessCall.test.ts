import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { BUILT_IN_SCENARIO_DIR, loadScenarioFile } from '../scenarios/scenarioLoader.js';
import type { AnsweringScript } from './businessScript.js';
import { prepareSpeech } from './businessCall.js';
import { CallerSimulator, callScenario, scenarioFromYaml } from './callerSimulator.js';
import { scriptedBusiness } from './scriptedBusiness.js';

function builtIn(file: string): AnsweringScript {
  const result = loadScenarioFile(path.join(BUILT_IN_SCENARIO_DIR, file));
  assert.ok(result.ok && result.script.pickup === 'answer', JSON.stringify(result));
  return result.script as AnsweringScript;
}

const acme = builtIn('acme-telecom.yaml');
const callAcme = (callSid = 'CA0001') => new CallerSimulator(scriptedBusiness(acme), { callSid });

test('Acme greets, answers the caller with a case number, then says goodbye and hangs up', async () => {
  const caller = callAcme();
  assert.equal(await caller.nextBusinessTurn(), 'Thank you for calling Acme Telecom. My name is Sam. How can I help you today?');
  assert.deepEqual(caller.line.facts, {}, 'no case number given yet');

  await caller.say('Hi, I was charged twice for my October bill and would like a refund.');
  const answer = await caller.nextBusinessTurn();
  const caseNumber = caller.line.facts.caseNumber;
  assert.match(caseNumber, /^ACM\d{5}$/);
  assert.ok(answer?.includes(`Your case number is ${[...caseNumber].join(' ')}.`), answer ?? '');
  assert.ok(answer?.endsWith('Is there anything else I can help you with?'), answer ?? '');

  await caller.say("No, that's all. Thank you.");
  assert.equal(await caller.nextBusinessTurn(), 'Thank you for calling Acme Telecom. Goodbye.');
  assert.equal(await caller.nextBusinessTurn(), null);
  assert.deepEqual(caller.line.heard, ['Hi, I was charged twice for my October bill and would like a refund.', "No, that's all. Thank you."]);
  const report = caller.line.report!();
  assert.deepEqual(report.departments, ['billing']);
  assert.equal(report.humanAnsweredAfterSeconds, 0.6, 'Sam picks up after a short beat');
  assert.deepEqual(report.menuPath, []);
});

test('the case number is reproducible per call and differs between calls', async () => {
  const caseNumberOf = async (callSid: string) => {
    const caller = callAcme(callSid);
    await caller.nextBusinessTurn();
    await caller.say('I was charged twice.');
    await caller.nextBusinessTurn();
    return caller.line.facts.caseNumber;
  };
  const first = await caseNumberOf('CA1');
  assert.equal(await caseNumberOf('CA1'), first);
  assert.notEqual(await caseNumberOf('CA2'), first);
});

test('a silent caller is prompted again, then the business gives up and hangs up', async () => {
  const caller = callAcme();
  await caller.nextBusinessTurn();
  const { reprompt, giveUp, maxReprompts } = acme.departments.billing.agent.silence;
  for (let i = 0; i < maxReprompts; i++) assert.equal(await caller.nextBusinessTurn(), reprompt);
  assert.equal(await caller.nextBusinessTurn(), giveUp);
  assert.equal(await caller.nextBusinessTurn(), null);
  assert.ok(caller.hungUp);
  assert.deepEqual(caller.line.heard, []);
});

test('the business waits for the caller to finish before answering', async () => {
  const caller = callAcme();
  await caller.nextBusinessTurn();
  // Two sentences with a pause shorter than a turn-ending silence: one turn, one answer.
  await caller.say('Hello, my name is Jane Doe.');
  await caller.say('I was charged twice this month.');
  const answer = await caller.nextBusinessTurn();
  assert.ok(answer?.startsWith("I'm sorry about that."), answer ?? '');
  assert.equal(caller.line.heard.length, 1);
  assert.equal(caller.line.heard[0], 'Hello, my name is Jane Doe. I was charged twice this month.');
});

const officeHours = scenarioFromYaml(`
name: Nine to Five
number: "+18005550196"
timezone: America/New_York
hours:
  open: { mon-fri: "09:00-17:00" }
  closedMessage: Our office is closed. Please call back on a weekday between nine and five.
departments:
  desk:
    agent:
      turns:
        - say: Good morning, front desk.
        - { say: Goodbye., to: hang-up }
expected:
  outcome: { finalStatus: completed, reached: closed }
`);

test('outside its hours (on its own clock) a business says it is closed and hangs up', async () => {
  // Saturday noon in New York.
  const caller = await callScenario(officeHours, { now: () => new Date('2025-03-15T16:00:00Z') });
  assert.equal(await caller.nextBusinessTurn(), 'Our office is closed. Please call back on a weekday between nine and five.');
  assert.equal(await caller.nextBusinessTurn(), null);
  const report = caller.line.report!();
  assert.equal(report.closed, true);
  assert.equal(report.humanAnsweredAt, null);

  // Monday 09:30 in New York (13:30 UTC).
  const open = await callScenario(officeHours, { now: () => new Date('2025-03-17T13:30:00Z') });
  assert.equal(await open.nextBusinessTurn(), 'Good morning, front desk.');
  assert.equal(open.line.report!().closed, false);
});

const flakyLine = scenarioFromYaml(`
name: Flaky Line
number: "+18005550197"
line: { dropAfterSeconds: 4, dropOnlyFirstCall: true }
departments:
  desk:
    agent:
      turns:
        - say: Thank you for calling. Please tell me, in as much detail as you like, what you are calling about today.
        - { say: Goodbye., to: hang-up }
expected:
  outcome: { finalStatus: completed, attempts: 2 }
`);

test('a line that drops the first call from a number goes dead mid-sentence, and the retry gets through', async () => {
  await prepareSpeech(flakyLine);
  const business = scriptedBusiness(flakyLine);
  const first = new CallerSimulator(business, { from: '+15550001111', callSid: 'CA-first' });
  await first.untilHungUp(10);
  assert.ok(Math.abs(first.seconds - 4) < 0.1, `dropped after ${first.seconds} s`);
  assert.deepEqual({ dropped: first.line.report!().dropped, attempt: first.line.report!().attempt }, { dropped: true, attempt: 1 });

  const retry = new CallerSimulator(business, { from: '+15550001111', callSid: 'CA-retry' });
  assert.match((await retry.nextBusinessTurn()) ?? '', /what you are calling about today\.$/);
  await retry.listen(5);
  assert.equal(retry.hungUp, false);
  assert.deepEqual({ dropped: retry.line.report!().dropped, attempt: retry.line.report!().attempt }, { dropped: false, attempt: 2 });

  const someoneElse = new CallerSimulator(business, { from: '+15550002222', callSid: 'CA-other' });
  await someoneElse.untilHungUp(10);
  assert.equal(someoneElse.line.report!().dropped, true);
});
