import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callScenario, scenarioFromYaml } from './callerSimulator.js';

const script = scenarioFromYaml(`
name: Verify Co
number: "+18005550193"
departments:
  desk:
    agent:
      turns:
        - say: Am I speaking with the account holder?
          replies:
            - keywords: [on behalf, assistant]
              mark: account-holder-required
              say: I can only discuss the account with the account holder.
              to: again
        - say: What is your date of birth?
          slot:
            name: dateOfBirth
            kind: date-of-birth
            expected: "1984-07-12"
            onMismatch:
              say: That does not match our records. What is your date of birth?
              retries: 1
              giveUp: I cannot verify the account. Goodbye.
              to: hang-up
        - say: You are verified. Would you like to speak with a supervisor?
          replies:
            - keywords: [supervisor]
              say: Transferring you now.
              to: supervisor
        - { say: Goodbye., to: hang-up }
  supervisor:
    agent:
      turns:
        - say: This is the supervisor.
        - { say: Goodbye., to: hang-up }
expected:
  outcome: { finalStatus: completed, needsUser: true }
`);

test('the agent refuses a third party until the account holder answers, checks the date of birth, then escalates on request', async () => {
  const caller = await callScenario(script);
  assert.equal(await caller.nextBusinessTurn(), 'Am I speaking with the account holder?');
  await caller.say("No, I'm an assistant calling on behalf of Jane Doe.");
  assert.equal(await caller.nextBusinessTurn(), 'I can only discuss the account with the account holder.');
  await caller.say('Hi, this is Jane Doe. Yes, I am the account holder.');
  assert.equal(await caller.nextBusinessTurn(), 'What is your date of birth?');
  await caller.say('It is July 12, 1984.');
  assert.equal(await caller.nextBusinessTurn(), 'You are verified. Would you like to speak with a supervisor?');
  await caller.say('Yes, a supervisor please.');
  assert.equal(await caller.nextBusinessTurn(), 'Transferring you now. This is the supervisor.');
  const report = caller.line.report!();
  assert.deepEqual(report.marks, ['account-holder-required']);
  assert.deepEqual(report.slots.dateOfBirth, { heard: 'It is July 12, 1984.', value: '1984-07-12', matched: true });
  assert.deepEqual(report.departments, ['desk', 'supervisor']);
});

test('a wrong date of birth is asked again once, then the agent gives up and hangs up', async () => {
  const caller = await callScenario(script);
  await caller.nextBusinessTurn();
  await caller.say('Yes, speaking.');
  assert.equal(await caller.nextBusinessTurn(), 'What is your date of birth?');
  await caller.say('March 3, 1990.');
  assert.equal(await caller.nextBusinessTurn(), 'That does not match our records. What is your date of birth?');
  await caller.say('Sorry, March 4, 1990.');
  assert.equal(await caller.nextBusinessTurn(), 'I cannot verify the account. Goodbye.');
  assert.equal(await caller.nextBusinessTurn(), null);
  assert.deepEqual(caller.line.report!().slots.dateOfBirth, { heard: 'Sorry, March 4, 1990.', value: '1990-03-04', matched: false });
});

test('answers the business cannot recognize (a real AI voice) count as answers and skip the checks', async () => {
  const caller = await callScenario(script);
  await caller.nextBusinessTurn();
  caller.sayUnrecognizable();
  assert.equal(await caller.nextBusinessTurn(), 'What is your date of birth?');
  caller.sayUnrecognizable();
  assert.equal(await caller.nextBusinessTurn(), 'You are verified. Would you like to speak with a supervisor?');
  assert.deepEqual(caller.line.report!().slots.dateOfBirth, { heard: '(unrecognized speech)', value: null, matched: null });
  assert.deepEqual(caller.line.report!().marks, []);
});
