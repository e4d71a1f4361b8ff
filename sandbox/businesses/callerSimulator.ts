import { setTimeout as sleep } from 'node:timers/promises';
import { encodeMulaw, FRAME_MS, MULAW_SILENCE, SAMPLE_RATE, silence } from '../../common/audio/mulaw.js';
import { digitSteps, dtmfToneAudio } from '../carrier/dtmfTones.js';
import { PlayoutQueue } from '../carrier/playoutQueue.js';
import { parseScenario } from '../scenarios/scenarioLoader.js';
import { synthesize } from '../speech/synthesizer.js';
import { TurnDetector } from '../speech/turnDetector.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import type { Business, BusinessCallContext, BusinessLine } from './business.js';
import { prepareSpeech } from './businessCall.js';
import type { AnsweringScript } from './businessScript.js';
import { scriptedBusiness, type ScriptedBusinessOptions } from './scriptedBusiness.js';

/** A scenario written inline (YAML), checked like a file; throws with the loader's messages. */
export function scenarioFromYaml(yaml: string, name = 'test-scenario.yaml'): AnsweringScript {
  const result = parseScenario(yaml, name);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  if (result.script.pickup !== 'answer') throw new Error('the scenario does not answer');
  return result.script;
}

/**
 * A call to a fresh business made from the script, once its fixed lines are synthesized: a cold
 * synthesizer would otherwise put pauses between lines that a listener takes for turn ends.
 */
export async function callScenario(script: AnsweringScript, options: SimulatedCallOptions & ScriptedBusinessOptions = {}): Promise<CallerSimulator> {
  await prepareSpeech(script);
  return new CallerSimulator(scriptedBusiness(script, options), options);
}

export interface SimulatedCallOptions {
  callSid?: string;
  from?: string;
  seed?: string;
}

/**
 * Plays the caller's side of one call against a business line in simulated time: it drives
 * `BusinessLine.tick` directly (no sockets, no 20 ms waits), speaks synthesized sentences and presses
 * keys in-band (tones in the audio), out-of-band, or both as the carrier's `<Play digits>` does.
 */
export class CallerSimulator {
  hungUp = false;
  readonly line: BusinessLine;
  /** Frames run so far. */
  frames = 0;
  private readonly mouth = new PlayoutQueue();
  private readonly ears = new TurnDetector();

  constructor(business: Business, options: SimulatedCallOptions = {}) {
    if (business.pickup !== 'answer') throw new Error(`${business.name} does not answer`);
    const context: BusinessCallContext = {
      callSid: options.callSid ?? 'CA0001',
      from: options.from ?? '+15550001111',
      to: business.number,
      seed: options.seed ?? 'test',
      hangUp: () => (this.hungUp = true),
      pressDigit: () => undefined,
    };
    this.line = business.answer(context);
  }

  get seconds(): number {
    return (this.frames * FRAME_MS) / 1000;
  }

  async say(text: string, voice?: string): Promise<void> {
    this.mouth.enqueue(await synthesize(text, { voice }));
  }

  /**
   * Speech-like sound that was never synthesized in the sandbox, so nobody can recognize it: what a
   * real AI voice sounds like to the business.
   */
  sayUnrecognizable(ms = 1200): void {
    const samples = new Int16Array((SAMPLE_RATE * ms) / 1000);
    let state = 7;
    for (let i = 0; i < samples.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      // Noise shaped by a 4 Hz syllable rhythm.
      samples[i] = (state / 2 ** 32 - 0.5) * 6000 * (1 + Math.sin((2 * Math.PI * 4 * i) / SAMPLE_RATE));
    }
    this.mouth.enqueue(encodeMulaw(samples));
  }

  /** Key tones in the audio only, as a phone that does not send telephone events. */
  pressInBand(digits: string): void {
    for (const digit of digits) this.mouth.enqueue(dtmfToneAudio(digit));
  }

  /** Telephone events only (RFC 2833), no tones in the audio. */
  pressOutOfBand(digits: string): void {
    for (const digit of digits) {
      this.mouth.enqueueMarker(() => this.line.hearDigit(digit));
      this.mouth.enqueue(silence(240));
    }
  }

  /** Exactly what the sandbox carrier does for `<Play digits>`: an event as each tone starts, and the tone. */
  pressLikeCarrier(digits: string): void {
    for (const step of digitSteps(digits)) {
      const { digit } = step;
      if (digit !== null) this.mouth.enqueueMarker(() => this.line.hearDigit(digit));
      this.mouth.enqueue(step.audio);
    }
  }

  /** Runs frames until the business finishes an utterance; returns it (recognized), or null once it hung up. */
  async nextBusinessTurn(maxSeconds = 60): Promise<string | null> {
    for (let frame = 0; frame < (maxSeconds * 1000) / FRAME_MS; frame++) {
      const spoken = await this.step();
      const event = this.ears.push(spoken);
      if (event?.type === 'speech_stopped') return utteranceIndex.recognize(event.audio)?.text ?? '';
      if (this.hungUp && !this.ears.speaking) return null;
    }
    throw new Error(`the business said nothing for ${maxSeconds} s`);
  }

  /** Runs frames for a while (or until the business hangs up) and returns everything the business sent. */
  async listen(seconds: number): Promise<Buffer> {
    const heard: Buffer[] = [];
    for (let frame = 0; frame < (seconds * 1000) / FRAME_MS && !this.hungUp; frame++) heard.push(await this.step());
    return Buffer.concat(heard);
  }

  /** Runs until the business hangs up; throws if it has not within `maxSeconds`. */
  async untilHungUp(maxSeconds = 120): Promise<Buffer> {
    const audio = await this.listen(maxSeconds);
    if (!this.hungUp) throw new Error(`the business was still on the line after ${maxSeconds} s`);
    return audio;
  }

  private async step(): Promise<Buffer> {
    this.frames++;
    const said = this.mouth.nextFrame();
    const spoken = this.hungUp ? silence(FRAME_MS) : this.line.tick(said);
    // While the line is quiet the business may be waiting for speech synthesis (a worker thread):
    // give it real time then. While audio flows, only yield to the event loop.
    const quiet = spoken.every((byte) => byte === MULAW_SILENCE) && said.every((byte) => byte === MULAW_SILENCE);
    await (quiet ? sleep(1) : new Promise((resolve) => setImmediate(resolve)));
    return spoken;
  }
}

/** The texts of the registered utterances found in some audio, in order. */
export function utterancesIn(audio: Buffer): string[] {
  return utteranceIndex.recognize(audio)?.utterances.map((utterance) => utterance.text) ?? [];
}
