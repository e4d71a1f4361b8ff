import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callScenario, scenarioFromYaml, utterancesIn } from './callerSimulator.js';

const script = scenarioFromYaml(`
name: Queue Co
number: "+18005550194"
departments:
  desk:
    hold:
      seconds: [6, 9]
      music: chords
      greeting: All of our agents are busy.
      announcements: { everySeconds: 3, lines: [Thank you for holding.] }
      position: { start: 3, everySeconds: 5, message: "You are caller number {position}." }
    agent:
      turns:
        - say: Hello, this is Sam.
        - { say: Goodbye., to: hang-up }
expected:
  outcome: { finalStatus: completed }
`);

test('a queue plays music with announcements and a position message, then a person answers', async () => {
  const caller = await callScenario(script, { callSid: 'CA-hold-1' });
  const heard = utterancesIn(await caller.listen(16));
  assert.equal(heard[0], 'All of our agents are busy.');
  assert.equal(heard[1], 'You are caller number 3.');
  assert.ok(heard.includes('Thank you for holding.'), heard.join(' | '));
  assert.equal(heard.at(-1), 'Hello, this is Sam.');
  const report = caller.line.report!();
  assert.ok(report.holdSeconds >= 6 && report.holdSeconds <= 12, `held ${report.holdSeconds} s`);
  assert.ok(report.humanAnsweredAfterSeconds! >= report.holdSeconds);
  assert.deepEqual(report.departments, ['desk']);
});

test('the hold length comes from the seed: the same call holds as long, another call differently', async () => {
  const holdOf = async (callSid: string) => {
    const caller = await callScenario(script, { callSid });
    await caller.listen(14);
    return caller.line.report!().holdSeconds;
  };
  const first = await holdOf('CA-hold-1');
  assert.equal(await holdOf('CA-hold-1'), first);
  const others = await Promise.all(['CA-hold-2', 'CA-hold-3', 'CA-hold-4'].map(holdOf));
  assert.ok(others.some((seconds) => Math.abs(seconds - first) >= 0.5), `${first} vs ${others}`);
});
