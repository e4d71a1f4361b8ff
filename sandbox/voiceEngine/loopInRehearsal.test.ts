// A rehearsal of the Meridian Health call in simulated time: the engine's policy phones Meridian (the
// scripted business), is refused until the patient joins, asks for the user, and then talks in a
// three-way call with Tasha and Jane's phone (the scripted person). Each party hears the others' lines as
// synthesized audio, as the conference would relay them; the bridge's part (tool results, the note that
// the customer is on the line) is played by the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { levelDbfs } from '../../common/audio/mulaw.js';
import { callScenario, CallerSimulator, utterancesIn } from '../businesses/callerSimulator.js';
import { prepareSpeech } from '../businesses/businessCall.js';
import type { AnsweringScript } from '../businesses/businessScript.js';
import { PEOPLE_DIR, sandboxPeople } from '../callers/sandboxPeople.js';
import { BUILT_IN_SCENARIO_DIR, loadScenarios } from '../scenarios/scenarioLoader.js';
import { synthesize } from '../speech/synthesizer.js';
import { decideReply, type ConversationEntry } from './policy.js';
import { briefFor, heard, said } from './policyTestCalls.js';

type Party = 'agent' | 'tasha' | 'jane';
const VOICE: Record<Party, string> = { agent: 'en-us+m3', tasha: 'en-us+f3', jane: 'en-us+f4' };
const DIALLING = { ok: true, note: 'Tell the representative you are bringing the customer onto the line now, then stay quiet.' };
const BACK_ON =
  "[You are back on the call, now a conference line. The customer's phone is ringing; if the representative speaks, tell them the customer will join in a moment.]";
const JOINED =
  '[The customer (Jane Doe) is now on the line and will speak for themselves. Stay quiet while they and the representative talk. Speak again when the representative addresses you, asks what the call is about, or gives the outcome.]';

const meridian = loadScenarios([BUILT_IN_SCENARIO_DIR]).find((script) => script.id === 'meridian-health') as AnsweringScript;
const BRIEF = briefFor(meridian.expected!.issue!, { 'Full name': 'Jane Doe', ...meridian.expected!.callerFacts });

/** The agent's side: the policy, with the bridge's answers to its tools. */
class Agent {
  readonly conversation: ConversationEntry[] = [];
  readonly keys: string[] = [];
  ended = false;
  requestedUser = false;

  hear(text: string): void {
    this.conversation.push(heard(text));
  }

  /** What the agent says now (tools carried out as the bridge would), or null for silence. */
  respond(): string | null {
    const reply = decideReply({ instructions: BRIEF, conversation: this.conversation });
    if (reply.say) this.conversation.push(said(reply.say));
    let speakAgain = false;
    for (const call of reply.toolCalls) {
      this.conversation.push({ kind: 'toolCall', name: call.name, arguments: JSON.stringify(call.arguments) });
      const output = call.name === 'request_user' ? DIALLING : { ok: true };
      this.conversation.push({ kind: 'toolResult', output: JSON.stringify(output) });
      if (call.name === 'press_digits') this.keys.push(String(call.arguments.digits));
      if (call.name === 'request_user') this.requestedUser = true;
      if (call.name === 'end_call') this.ended = true;
      speakAgain ||= call.name === 'request_user' || call.name === 'record_outcome';
    }
    const next = speakAgain && !this.ended ? this.respond() : null;
    return [reply.say, next].filter(Boolean).join(' ') || null;
  }
}

async function seconds(text: string, voice: string): Promise<number> {
  return (await synthesize(text, { voice })).length / 8000;
}

const QUIET_DBFS = -55;
const QUIET_BEFORE_DONE_S = 1.5;

/** Plays a line to a scripted party and returns what it says back, to the end (nothing: ''). */
async function playTo(party: CallerSimulator, text: string, voice: string): Promise<string> {
  if (party.hungUp) return '';
  await party.say(text, voice);
  const heard: Buffer[] = [await party.listen((await seconds(text, voice)) + 3)];
  // An answer still under way when the line ended is heard to its end.
  let quietS = 0;
  while (quietS < QUIET_BEFORE_DONE_S && !party.hungUp) {
    const chunk = await party.listen(0.1);
    heard.push(chunk);
    quietS = levelDbfs(chunk) < QUIET_DBFS ? quietS + 0.1 : 0;
  }
  return utterancesIn(Buffer.concat(heard)).join(' ');
}

test('Meridian: the agent brings Jane in, stays quiet while she verifies, then gets the reference number', { timeout: 240_000 }, async () => {
  for (const script of loadScenarios([PEOPLE_DIR])) if (script.pickup === 'answer') await prepareSpeech(script);
  const tasha = await callScenario(meridian, { callSid: 'CA-meridian-rehearsal', seed: 'rehearsal' });
  const agent = new Agent();

  // Menus, hold and Tasha's refusal, until the agent asks for the user.
  for (let turn = 0; turn < 30 && !agent.requestedUser; turn++) {
    const text = await tasha.nextBusinessTurn(60);
    assert.notEqual(text, null, 'Meridian hung up before the patient was asked for');
    agent.hear(text!);
    const reply = agent.respond();
    if (agent.keys.length > 0 && tasha.line.report?.().keys.length === 0) tasha.pressOutOfBand(agent.keys.join(''));
    if (reply) await tasha.say(reply, VOICE.agent);
  }
  assert.ok(agent.requestedUser, 'the agent asked for the user');

  // The call moves into a conference; Jane's phone rings, she answers, and the bridge notes she is on.
  const jane = new CallerSimulator(sandboxPeople().find((person) => person.number === '+15550100100')!, { callSid: 'CA-jane-rehearsal' });
  const waiting = await tasha.nextBusinessTurn(20);
  assert.equal(waiting, "Of course, I'll wait.", 'the agent saying the patient is coming keeps Tasha at her turn');
  agent.hear(BACK_ON);
  agent.hear(waiting!);
  assert.equal(agent.respond(), null);
  agent.hear(JOINED);
  assert.equal(agent.respond(), null);

  const transcript: Array<{ from: Party; text: string }> = [];
  const overlaps: string[] = [];
  let line: { from: Party; text: string } | null = { from: 'jane', text: (await jane.nextBusinessTurn(20))! };
  for (let step = 0; line && step < 20; step++) {
    transcript.push(line);
    const { from, text } = line;
    const answers: Array<{ from: Party; text: string }> = [];
    if (from !== 'tasha') answers.push({ from: 'tasha', text: await playTo(tasha, text, VOICE[from]) });
    if (from !== 'jane') answers.push({ from: 'jane', text: await playTo(jane, text, VOICE[from]) });
    if (from !== 'agent' && !agent.ended) {
      agent.hear(text);
      answers.push({ from: 'agent', text: agent.respond() ?? '' });
    }
    const spoken = answers.filter((answer) => answer.text);
    if (spoken.length > 1) overlaps.push(`${spoken.map((answer) => answer.from).join(' and ')} both answered "${text}"`);
    line = spoken[0] ?? null;
  }
  const report = tasha.line.report!();
  const linesOf = (party: Party) => transcript.filter((entry) => entry.from === party).map((entry) => entry.text);
  const context = JSON.stringify(transcript, null, 1);

  assert.deepEqual(report.menuPath, meridian.expected!.path);
  assert.ok(report.marks.includes('account-holder-required'));
  assert.equal(report.slots.dateOfBirth?.matched, true, `Jane verified herself: ${context}`);
  assert.deepEqual(linesOf('jane'), ['Hi, this is Jane Doe.', 'My name is Jane Doe, and my date of birth is November 3, 1979.'], context);
  const agentLines = linesOf('agent');
  assert.equal(agentLines.length, 2, context);
  assert.match(agentLines[0], /hospital bill/);
  assert.match(agentLines[1], /^Let me read that back: M H P.*goodbye!$/);
  assert.ok(agent.ended, 'the agent ended the call');
  const recorded = agent.conversation.flatMap((entry) => (entry.kind === 'toolCall' && entry.name === 'record_outcome' ? [JSON.parse(entry.arguments)] : []));
  assert.equal(recorded[0]?.caseNumber, tasha.line.facts.referenceNumber.replace(/\W/g, ''));
  // Only the goodbye is answered by both Tasha and Jane at once, as people do.
  assert.deepEqual(overlaps, ['tasha and jane both answered "' + agentLines[1] + '"']);
  assert.ok(jane.hungUp, 'Jane said bye and hung up');
});
