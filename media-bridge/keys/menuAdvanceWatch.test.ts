import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { FRAME_MS, MULAW_SILENCE } from '../../common/audio/mulaw.js';
import { CallerSimulator } from '../../sandbox/businesses/callerSimulator.js';
import { scriptedBusiness } from '../../sandbox/businesses/scriptedBusiness.js';
import { BUILT_IN_SCENARIO_DIR, loadScenarioFile } from '../../sandbox/scenarios/scenarioLoader.js';
import { synthesize } from '../../sandbox/speech/synthesizer.js';
import { ringback } from '../audio/testSignals/callProgressTones.js';
import { holdMusic } from '../audio/testSignals/holdMusic.js';
import { concatenated, lineNoise, mixInto, seededRandom, silentPcm, toMulaw, type Pcm } from '../audio/testSignals/pcm.js';
import { framesOf, speech } from '../audio/testSignals/speech.js';
import { LineClassifier } from '../audio/lineClassifier.js';
import { KeyRetryPolicy } from './keyRetryPolicy.js';
import { MenuAdvanceWatch, type MenuVerdict } from './menuAdvanceWatch.js';

const GREETING = 'Thank you for calling Granite State Insurance.';
const PROMPT = 'To report a new claim, press 1. To check on an existing claim, press 2. For policy changes, press 3.';
const NEXT_MENU = 'Claims. For auto glass claims, press 1. For collision claims, press 2. To go back, press star.';
const INVALID = 'Sorry, that is not a valid option.';
const AGENT = 'Claims department, this is Heather. Before we get started, can I have your policy number?';
/** How long after its speech ends a transcript line arrives (transcription takes a moment). */
const TRANSCRIPT_DELAY_MS = 600;

/** A far end's audio with what it says as transcript lines, and where keys land. */
class FarEnd {
  private readonly parts: Pcm[] = [];
  private atMs = 0;
  readonly lines: Array<{ text: string; startedAtMs: number; arrivesAtMs: number }> = [];
  readonly presses: Array<{ digits: string; atMs: number }> = [];
  readonly marks: Record<string, number> = {};

  async says(text: string, voice = 'en-us+m1', transcribed = true): Promise<this> {
    const clip = await speech(text, voice);
    const ms = clip.length / 8;
    if (transcribed) this.lines.push({ text, startedAtMs: this.atMs + 50, arrivesAtMs: this.atMs + ms + TRANSCRIPT_DELAY_MS });
    return this.plays(clip);
  }

  plays(pcm: Pcm): this {
    this.parts.push(pcm);
    this.atMs += pcm.length / 8;
    return this;
  }

  pause(ms: number): this {
    return this.plays(silentPcm(ms));
  }

  press(digits: string): this {
    this.presses.push({ digits, atMs: this.atMs });
    return this;
  }

  mark(name: string): this {
    this.marks[name] = this.atMs;
    return this;
  }

  /** Runs the audio through a watch, frame by frame, with lines and presses at their times; returns every verdict. */
  /** `sharedClassifier`: the watch reads a classifier that is fed first, as the hold detector's is on the bridge. */
  run(options: { transcripts?: boolean; sharedClassifier?: boolean } = {}): MenuVerdict[] {
    const pcm = concatenated(this.parts);
    mixInto(pcm, lineNoise(pcm.length / 8, -62, seededRandom(3)), 0);
    const shared = options.sharedClassifier ? new LineClassifier() : undefined;
    const watch = new MenuAdvanceWatch({ classifier: shared });
    const verdicts: MenuVerdict[] = [];
    const lines = options.transcripts === false ? [] : [...this.lines].sort((a, b) => a.arrivesAtMs - b.arrivesAtMs);
    const presses = [...this.presses];
    framesOf(toMulaw(pcm)).forEach((frame, n) => {
      const callMs = n * FRAME_MS;
      while (lines.length > 0 && lines[0].arrivesAtMs <= callMs) {
        const line = lines.shift()!;
        const verdict = watch.farEndSaid(line.text, line.startedAtMs);
        if (verdict) verdicts.push(verdict);
      }
      while (presses.length > 0 && presses[0].atMs <= callMs) watch.pressed(presses.shift()!.digits, callMs);
      shared?.push(frame);
      const verdict = watch.heard(frame, callMs);
      if (verdict) verdicts.push(verdict);
    });
    return verdicts;
  }
}

async function menuThenPress(voice = 'en-us+m1'): Promise<FarEnd> {
  const far = new FarEnd().pause(500);
  await far.says(GREETING, voice);
  await far.says(PROMPT, voice);
  return far.pause(800).press('1');
}

function only(verdicts: MenuVerdict[]): MenuVerdict {
  assert.equal(verdicts.length, 1, JSON.stringify(verdicts));
  return verdicts[0];
}

function within(verdict: MenuVerdict, fromMs: number, maxMs: number): void {
  const after = verdict.atMs - fromMs;
  assert.ok(after >= 0 && after <= maxMs, `decided ${after} ms after the cue (allowed ${maxMs}): ${JSON.stringify(verdict)}`);
}

test('the same prompt starting over after a short pause is not-advanced, from the audio alone, within 2.5 s', async () => {
  for (const voice of ['en-us+m1', 'en-gb', 'en-us+f3']) {
    const far = await menuThenPress(voice);
    far.pause(1200).mark('replay');
    await far.says(PROMPT, voice);
    far.pause(1000);
    for (const transcripts of [false, true]) {
      const verdict = only(far.run({ transcripts }));
      assert.equal(verdict.type, 'not-advanced', `${voice}: ${verdict.evidence}`);
      assert.equal(verdict.reason, 'prompt-repeated');
      assert.equal(verdict.digits, '1');
      within(verdict, far.marks.replay, 2500);
    }
  }
});

test('reading the hold detector’s classifier instead of its own, the watch reaches the same verdicts', async () => {
  const replayed = await menuThenPress();
  replayed.pause(1200);
  await replayed.says(PROMPT);
  const moved = await menuThenPress();
  moved.pause(600);
  await moved.says(NEXT_MENU);
  for (const far of [replayed.pause(1000), moved.pause(3000)]) {
    const own = only(far.run({ transcripts: false }));
    const shared = only(far.run({ transcripts: false, sharedClassifier: true }));
    assert.deepEqual(shared, own);
  }
  assert.equal(only(replayed.run({ transcripts: false, sharedClassifier: true })).reason, 'prompt-repeated');
  assert.equal(only(moved.run({ transcripts: false, sharedClassifier: true })).reason, 'new-prompt');
});

test('a new prompt in the same voice is advanced: by its transcript, or after 3.5 s of new speech without one', async () => {
  const far = await menuThenPress();
  far.pause(600).mark('next');
  await far.says(NEXT_MENU);
  far.pause(3000);
  const heard = only(far.run({ transcripts: false }));
  assert.deepEqual([heard.type, heard.reason], ['advanced', 'new-prompt'], heard.evidence);
  within(heard, far.marks.next, 4500);
  const transcribed = only(far.run());
  assert.deepEqual([transcribed.type, transcribed.reason], ['advanced', 'new-prompt'], transcribed.evidence);
  within(transcribed, far.marks.next, 4500);
});

test('a next menu that opens with a phrase of the last one ("billing and payments") is still a new prompt', async () => {
  const far = new FarEnd().pause(500);
  await far.says(
    'If you are calling to report an outage or a downed power line, press 1. For billing and payments, press 2. To start, stop or move your service, press 3. For all other questions, press 0.',
    'en-us',
  );
  far.pause(800).press('2').pause(600);
  await far.says(
    'Billing and payments. To make a payment, press 1. To hear your current balance, press 2. If you have a question about a charge on your bill, press 3. To return to the main menu, press star.',
    'en-us',
  );
  const verdict = only(far.run({ transcripts: false }));
  assert.deepEqual([verdict.type, verdict.reason], ['advanced', 'new-prompt'], verdict.evidence);
});

test('silence, then hold music or ringback, is advanced (hold)', async () => {
  const music = await menuThenPress();
  music.pause(2000).mark('music').plays(holdMusic({ style: 'piano', ms: 20_000, levelDbfs: -22, seed: 4 }));
  const onHold = only(music.run());
  assert.deepEqual([onHold.type, onHold.reason], ['advanced', 'hold'], onHold.evidence);
  within(onHold, music.marks.music, 4000);

  const transfer = await menuThenPress();
  transfer.pause(1000).mark('ring').plays(ringback(12_000));
  const ringing = only(transfer.run());
  assert.deepEqual([ringing.type, ringing.reason], ['advanced', 'hold'], ringing.evidence);
  within(ringing, transfer.marks.ring, 4000);
});

test('"that is not a valid option" is not-advanced as soon as its transcript arrives', async () => {
  const far = await menuThenPress();
  far.pause(400).mark('invalid');
  await far.says(INVALID);
  far.pause(4000);
  const verdict = only(far.run());
  assert.deepEqual([verdict.type, verdict.reason], ['not-advanced', 'invalid-option'], verdict.evidence);
  within(verdict, far.marks.invalid, 2500 + TRANSCRIPT_DELAY_MS);
  assert.match(verdict.evidence, /not a valid option/);
});

test('the invalid message followed by the prompt again is not-advanced without any transcript', async () => {
  const far = await menuThenPress();
  far.pause(400);
  await far.says(INVALID);
  far.mark('replay');
  await far.says(PROMPT);
  const verdict = only(far.run({ transcripts: false }));
  assert.equal(verdict.type, 'not-advanced', verdict.evidence);
  within(verdict, far.marks.replay, 2500);
});

test('a person answering is advanced: human when their words are in, new speech when they are long in coming', async () => {
  const greeting = await menuThenPress();
  greeting.pause(1500);
  await greeting.says('Claims, this is Heather.', 'en-us+f2');
  greeting.pause(3000);
  const verdict = only(greeting.run());
  assert.deepEqual([verdict.type, verdict.reason], ['advanced', 'human'], verdict.evidence);
  const long = await menuThenPress();
  long.pause(1500).mark('agent');
  await long.says(AGENT, 'en-us+f2');
  const early = only(long.run());
  assert.equal(early.type, 'advanced', early.evidence);
  within(early, long.marks.agent, 4500);
  const short = await menuThenPress();
  short.pause(1000);
  await short.says('Hello?', 'en-us+f2', false);
  short.pause(3000);
  assert.equal(only(short.run()).type, 'advanced', 'a short "Hello?" then waiting is someone new');
});

test('nothing at all for 8 s is not-advanced (no response)', async () => {
  const far = (await menuThenPress()).pause(12_000);
  const verdict = only(far.run());
  assert.deepEqual([verdict.type, verdict.reason], ['not-advanced', 'no-response']);
  within(verdict, far.presses[0].atMs, 8100);
});

test('a prompt that plays on after keys it ignored is not taken for a new prompt', async () => {
  const far = new FarEnd().pause(500);
  const clip = await speech(PROMPT, 'en-us+m1');
  const cut = Math.round(clip.length * 0.3);
  far.plays(clip.subarray(0, cut)).press('2').plays(clip.subarray(cut)).pause(8000);
  const verdict = only(far.run({ transcripts: false }));
  assert.equal(verdict.type, 'not-advanced', verdict.evidence);
});

test('a lost first press, pressed again as soon as the prompt starts over: not-advanced, then advanced on hold', async () => {
  const noisy = (parts: Pcm[]) => {
    const pcm = concatenated(parts);
    mixInto(pcm, lineNoise(pcm.length / 8, -62, seededRandom(5)), 0);
    return framesOf(toMulaw(pcm));
  };
  const prompt = await speech(PROMPT, 'en-us+m1');
  // The far end as the sandbox's ignoresFirstPress menu behaves: the first press is lost and the
  // prompt plays again after a pause; the second press cuts it short and the call goes on hold.
  let queue = noisy([silentPcm(500), await speech(GREETING, 'en-us+m1'), prompt, silentPcm(800)]);
  const watch = new MenuAdvanceWatch();
  const verdicts: Array<MenuVerdict & { replayAtMs: number }> = [];
  let replayAtMs = -1;
  for (let n = 0; n < 1500; n++) {
    const callMs = n * FRAME_MS;
    if (n === queue.length && replayAtMs < 0) {
      watch.pressed('1', callMs);
      queue = [...queue, ...noisy([silentPcm(1500), prompt])];
      replayAtMs = callMs + 1500;
    }
    const verdict = watch.heard(queue[n] ?? noisy([silentPcm(20)])[0], callMs);
    if (!verdict) continue;
    verdicts.push({ ...verdict, replayAtMs });
    if (verdict.type === 'not-advanced') {
      queue = [...queue.slice(0, n + 1), ...noisy([silentPcm(600), holdMusic({ style: 'pads', ms: 15_000, levelDbfs: -20, seed: 9 })])];
      watch.pressed('1', callMs);
    }
  }
  assert.deepEqual(verdicts.map((v) => [v.type, v.reason]), [['not-advanced', 'prompt-repeated'], ['advanced', 'hold']]);
  within(verdicts[0], replayAtMs, 2500);
});

test('lines spoken before the press are the prompt it answers, never a verdict on it', () => {
  const watch = new MenuAdvanceWatch();
  assert.equal(watch.farEndSaid(PROMPT, 0), null, 'no press yet');
  watch.pressed('1', 8000);
  assert.equal(watch.farEndSaid('For policy changes, press 3.', 7000), null, 'cut off by the press, transcribed late');
  assert.ok(watch.watching);
  const verdict = watch.farEndSaid(`Sorry. ${PROMPT}`, 9000);
  assert.deepEqual([verdict?.type, verdict?.reason], ['not-advanced', 'prompt-repeated']);
  assert.equal(watch.watching, false, 'one verdict per press');
});

test('rejects a no-response time too short to hear anything', () => {
  assert.throws(() => new MenuAdvanceWatch({ noResponseMs: 500 }), RangeError);
});

test('against the sandbox business with a flaky main menu: the lost press is noticed, the second lands on hold', async () => {
  const loaded = loadScenarioFile(path.join(BUILT_IN_SCENARIO_DIR, 'granite-state-insurance.yaml'));
  assert.ok(loaded.ok && loaded.script.pickup === 'answer');
  // Only the menu's lines are synthesized ahead (a cold synthesizer pauses between lines); the agent is never reached.
  const main = loaded.script.menus.main;
  await Promise.all([main.greeting!, main.prompt].map((line) => synthesize(line, { voice: main.voice })));
  const caller = new CallerSimulator(scriptedBusiness(loaded.script));
  const watch = new MenuAdvanceWatch();
  const policy = new KeyRetryPolicy();
  const steps: string[] = [];
  let spoke = false;
  let quietMs = 0;
  for (let n = 0; n < 2500 && !steps.includes('done'); n++) {
    const callMs = n * FRAME_MS;
    const frame = await caller.listen(FRAME_MS / 1000);
    const verdict = watch.heard(frame, callMs);
    if (verdict) {
      const step = policy.next(verdict);
      steps.push(`${verdict.type}/${verdict.reason}`, step.type);
      if (step.type === 'press-again') {
        caller.pressLikeCarrier(step.digits);
        watch.pressed(step.digits, callMs);
      }
    }
    // The model presses once the menu has finished talking.
    quietMs = frame.every((byte) => byte === MULAW_SILENCE) ? quietMs + FRAME_MS : 0;
    spoke ||= quietMs === 0;
    if (spoke && quietMs === 800 && steps.length === 0 && !watch.watching) {
      policy.modelPressed();
      caller.pressLikeCarrier('1');
      watch.pressed('1', callMs);
    }
  }
  assert.deepEqual(steps, ['not-advanced/prompt-repeated', 'press-again', 'advanced/hold', 'done']);
  assert.deepEqual(caller.line.report!().menuPath, ['1']);
});
