import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { FRAME_BYTES, silence } from '../../common/audio/mulaw.js';
import { synthesize } from '../speech/synthesizer.js';
import { TurnDetector } from '../speech/turnDetector.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import type { BusinessCallContext } from './business.js';
import { BusinessCall } from './businessCall.js';
import type { AnsweringScript } from './businessScript.js';
import { acmeTelecom } from './scripts/acmeTelecom.js';

const acme = acmeTelecom as AnsweringScript;

/** Plays the caller's side against a BusinessCall in simulated time (no waiting for real 20 ms). */
class CallerSimulator {
  hungUp = false;
  private readonly listener = new TurnDetector();
  private queued: Buffer = Buffer.alloc(0);
  readonly business: BusinessCall;

  constructor(script: AnsweringScript, callSid = 'CA0001') {
    const context: BusinessCallContext = {
      callSid,
      from: '+15550001111',
      to: script.number,
      seed: 'test',
      hangUp: () => (this.hungUp = true),
      pressDigit: () => undefined,
    };
    this.business = new BusinessCall(script, context);
  }

  async say(text: string): Promise<void> {
    this.queued = Buffer.concat([this.queued, await synthesize(text)]);
  }

  /** Runs frames until the business finishes a turn; returns what it said (recognized), or null if it hung up. */
  async nextBusinessTurn(maxSeconds = 60): Promise<string | null> {
    for (let frame = 0; frame < (maxSeconds * 1000) / 20; frame++) {
      // Synthesis runs in a worker thread: give it real time (here ~20x faster than the real 20 ms ticks).
      await sleep(1);
      const heard = this.queued.length > 0 ? this.takeFrame() : silence(20);
      const spoken = this.hungUp ? silence(20) : this.business.tick(heard);
      const event = this.listener.push(spoken);
      if (event?.type === 'speech_stopped') return utteranceIndex.recognize(event.audio)?.text ?? '';
      if (this.hungUp && !this.listener.speaking) return null;
    }
    throw new Error('the business said nothing');
  }

  private takeFrame(): Buffer {
    const frame = Buffer.alloc(FRAME_BYTES, 0xff);
    this.queued.copy(frame, 0, 0, FRAME_BYTES);
    this.queued = this.queued.subarray(Math.min(FRAME_BYTES, this.queued.length));
    return frame;
  }
}

test('Acme greets, answers the caller with a case number, then says goodbye and hangs up', async () => {
  const caller = new CallerSimulator(acme);
  assert.equal(await caller.nextBusinessTurn(), 'Thank you for calling Acme Telecom. My name is Sam. How can I help you today?');

  await caller.say('Hi, I was charged twice for my October bill and would like a refund.');
  const answer = await caller.nextBusinessTurn();
  const caseNumber = caller.business.facts.caseNumber;
  assert.match(caseNumber, /^ACM\d{5}$/);
  assert.ok(answer?.includes(`Your case number is ${[...caseNumber].join(' ')}.`), answer ?? '');
  assert.ok(answer?.endsWith('Is there anything else I can help you with?'), answer ?? '');

  await caller.say("No, that's all. Thank you.");
  assert.equal(await caller.nextBusinessTurn(), 'Thank you for calling Acme Telecom. Goodbye.');
  assert.equal(await caller.nextBusinessTurn(), null);
  assert.deepEqual(caller.business.heard, [
    'Hi, I was charged twice for my October bill and would like a refund.',
    "No, that's all. Thank you.",
  ]);
});

test('the case number is reproducible per call and differs between calls', () => {
  const first = new CallerSimulator(acme, 'CA1').business.facts.caseNumber;
  assert.equal(new CallerSimulator(acme, 'CA1').business.facts.caseNumber, first);
  assert.notEqual(new CallerSimulator(acme, 'CA2').business.facts.caseNumber, first);
});

test('a silent caller is prompted again, then the business gives up and hangs up', async () => {
  const caller = new CallerSimulator(acme);
  await caller.nextBusinessTurn();
  const { reprompt, giveUp, maxReprompts } = acme.conversation.silence;
  for (let i = 0; i < maxReprompts; i++) assert.equal(await caller.nextBusinessTurn(), reprompt);
  assert.equal(await caller.nextBusinessTurn(), giveUp);
  assert.equal(await caller.nextBusinessTurn(), null);
  assert.ok(caller.hungUp);
  assert.deepEqual(caller.business.heard, []);
});

test('the business waits for the caller to finish before answering', async () => {
  const caller = new CallerSimulator(acme);
  await caller.nextBusinessTurn();
  // Two sentences with a pause shorter than a turn-ending silence: one turn, one answer.
  await caller.say('Hello, my name is Jane Doe.');
  await caller.say('I was charged twice this month.');
  const answer = await caller.nextBusinessTurn();
  assert.ok(answer?.startsWith("I'm sorry about that."), answer ?? '');
  assert.equal(caller.business.heard.length, 1);
  assert.equal(caller.business.heard[0], 'Hello, my name is Jane Doe. I was charged twice this month.');
});
