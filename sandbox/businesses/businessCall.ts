import { FRAME_MS, silence } from '../../common/audio/mulaw.js';
import { synthesize } from '../speech/synthesizer.js';
import { TurnDetector, type TurnEvent } from '../speech/turnDetector.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import type { BusinessCallContext, BusinessLine } from './business.js';
import type { AnsweringScript } from './businessScript.js';
import { makeFacts, renderLine } from './callFacts.js';
import { VoiceOutput } from './voiceOutput.js';

/** A beat between picking up and speaking, as people do (it also lets the caller's stream connect). */
const PICKUP_PAUSE_MS = 600;
/** Silence between two lines of one step: shorter than a turn-ending pause, so a listener hears one turn. */
const LINE_GAP_MS = 300;
/** How long the business takes to answer once the caller has finished a turn. */
const RESPONSE_DELAY_MS = 400;
/** The caller's silence that ends their turn; a little more patient than a voice bot's 500 ms. */
const CALLER_TURN_SILENCE_MS = 700;
/** After the last word, before the line goes dead: long enough for the caller's VAD to close the turn. */
const HANG_UP_AFTER_MS = 1000;
export const UNRECOGNIZED_SPEECH = '(unrecognized speech)';

type Phase =
  | { kind: 'picking-up'; framesLeft: number }
  | { kind: 'speaking'; then: 'listen' | 'hang-up' }
  | { kind: 'listening'; silentFrames: number }
  | { kind: 'responding'; framesLeft: number }
  | { kind: 'hanging-up'; framesLeft: number }
  | { kind: 'ended' };

const frames = (ms: number) => Math.max(1, Math.round(ms / FRAME_MS));

/**
 * The business's side of one answered call, following its script: it speaks by synthesis, hears the
 * caller through a turn detector and the utterance recognizer, answers only once the caller has
 * finished a turn, re-prompts a silent caller and hangs up after its last line or too many silences.
 * Time is counted in the carrier's 20 ms frames, so it stays in step with the audio.
 */
export class BusinessCall implements BusinessLine {
  readonly facts: Readonly<Record<string, string>>;
  private readonly heardTurns: string[] = [];
  private readonly detector = new TurnDetector({ silenceDurationMs: CALLER_TURN_SILENCE_MS });
  private readonly voice = new VoiceOutput();
  private phase: Phase = { kind: 'picking-up', framesLeft: frames(PICKUP_PAUSE_MS) };
  private stepIndex = -1;
  private repromptsInARow = 0;

  constructor(
    private readonly script: AnsweringScript,
    private readonly context: BusinessCallContext,
  ) {
    this.facts = makeFacts(script.facts ?? {}, `${context.seed}:${context.callSid}`);
    // Synthesize every line up front so the business never pauses mid-conversation to think.
    for (const step of script.conversation.steps) for (const line of step.say) void this.synthesizeLine(line).catch(() => undefined);
  }

  get heard(): readonly string[] {
    return this.heardTurns;
  }

  tick(heard: Buffer): Buffer {
    if (this.phase.kind === 'ended') return silence(FRAME_MS);
    const event = this.detector.push(heard);
    if (event) this.onCallerTurn(event);
    this.advance();
    return this.voice.nextFrame();
  }

  /** Keys are ignored: this runtime has no phone menus yet. */
  hearDigit(): void {}

  end(): void {
    this.phase = { kind: 'ended' };
  }

  private onCallerTurn(event: TurnEvent): void {
    if (event.type !== 'speech_stopped') return;
    this.heardTurns.push(utteranceIndex.recognize(event.audio)?.text ?? UNRECOGNIZED_SPEECH);
    // A caller who talks over the business is heard, but the business only answers turns that end while it listens.
    if (this.phase.kind === 'listening') {
      this.repromptsInARow = 0;
      this.phase = { kind: 'responding', framesLeft: frames(RESPONSE_DELAY_MS) };
    }
  }

  private advance(): void {
    const phase = this.phase;
    switch (phase.kind) {
      case 'picking-up':
      case 'responding':
        if (--phase.framesLeft <= 0) this.speakNextStep();
        break;
      case 'speaking':
        if (!this.voice.speaking) {
          this.phase = phase.then === 'listen' ? { kind: 'listening', silentFrames: 0 } : { kind: 'hanging-up', framesLeft: frames(HANG_UP_AFTER_MS) };
        }
        break;
      case 'listening':
        phase.silentFrames = this.detector.speaking ? 0 : phase.silentFrames + 1;
        if (phase.silentFrames >= frames(this.script.conversation.silence.repromptAfterMs)) this.promptSilentCaller();
        break;
      case 'hanging-up':
        if (--phase.framesLeft <= 0) {
          this.phase = { kind: 'ended' };
          this.context.hangUp();
        }
        break;
    }
  }

  private speakNextStep(): void {
    const steps = this.script.conversation.steps;
    this.stepIndex = Math.min(this.stepIndex + 1, steps.length - 1);
    const step = steps[this.stepIndex];
    this.speak(step.say, step.hangUp ? 'hang-up' : 'listen');
  }

  private promptSilentCaller(): void {
    const { reprompt, maxReprompts, giveUp } = this.script.conversation.silence;
    this.repromptsInARow++;
    if (this.repromptsInARow > maxReprompts) this.speak([giveUp], 'hang-up');
    else this.speak([reprompt], 'listen');
  }

  private speak(lines: string[], then: 'listen' | 'hang-up'): void {
    lines.forEach((line, index) => this.voice.say(this.synthesizeLine(line), index < lines.length - 1 ? LINE_GAP_MS : 0));
    this.phase = { kind: 'speaking', then };
  }

  private synthesizeLine(template: string): Promise<Buffer> {
    return synthesize(renderLine(template, this.facts), { voice: this.script.voice });
  }
}
