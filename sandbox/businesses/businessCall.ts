import { DtmfDetector } from '../../common/audio/dtmfDetector.js';
import { FRAME_MS, silence } from '../../common/audio/mulaw.js';
import { synthesize } from '../speech/synthesizer.js';
import { TurnDetector } from '../speech/turnDetector.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import { AgentStage } from './agentStage.js';
import type { BusinessCallContext, BusinessLine } from './business.js';
import { HANG_UP, VOICEMAIL, type AnsweringScript, type DepartmentScript } from './businessScript.js';
import { factNamesIn, makeFacts, renderLine, seededRandom, type Fact } from './callFacts.js';
import { CallRecorder, UNRECOGNIZED_SPEECH, type CallReport, type KeyArrival } from './callRecord.js';
import { HoldStage } from './holdStage.js';
import { KeypadInput } from './keypadInput.js';
import { MenuStage } from './menuStage.js';
import { isOpenAt } from './openingHours.js';
import { scriptLines } from './scriptLines.js';
import { frames, type CallerInput, type Stage, type StageHost } from './stage.js';
import { VoicemailStage } from './voicemailStage.js';
import { VoiceOutput } from './voiceOutput.js';

/** A beat between picking up and speaking, as people do (it also lets the caller's stream connect). */
const PICKUP_PAUSE_MS = 600;
/** Silence between two lines of one turn: shorter than a turn-ending pause, so a listener hears one turn. */
const LINE_GAP_MS = 300;
/** The caller's silence that ends their turn; a little more patient than a voice bot's 500 ms. */
const CALLER_TURN_SILENCE_MS = 700;
/** After the last word, before the line goes dead: long enough for the caller's VAD to close the turn. */
const HANG_UP_AFTER_MS = 1000;

export interface BusinessCallOptions {
  /** Wall clock for opening hours, dates and timestamps. */
  now?: () => Date;
  /** Which call this is from the caller's number (1 = first): a line that drops drops the first. */
  attempt?: number;
}

type Phase = { kind: 'picking-up'; framesLeft: number } | { kind: 'in-call' } | { kind: 'hanging-up'; framesLeft: number } | { kind: 'ended' };

/**
 * The business's side of one answered call, following its script: opening hours, then menus, hold
 * queues, agents and voicemail as stages. It speaks by synthesis and hears the caller only from the
 * audio (turn detector + utterance recognizer, in-band DTMF) and from out-of-band key events. Time is
 * counted in the carrier's 20 ms frames, so it stays in step with the audio.
 */
export class BusinessCall implements BusinessLine, StageHost {
  readonly record: CallRecorder;
  private readonly allFacts: Record<string, Fact>;
  private readonly givenFacts: Record<string, string> = {};
  private readonly heardTurns: string[] = [];
  private readonly detector = new TurnDetector({ silenceDurationMs: CALLER_TURN_SILENCE_MS });
  private readonly dtmf = new DtmfDetector();
  private readonly keypad: KeypadInput;
  private readonly voice = new VoiceOutput();
  private readonly now: () => Date;
  private readonly visitedMenus = new Set<string>();
  private readonly dropAtFrame: number | null;
  private readonly pendingDigits: string[] = [];
  private phase: Phase = { kind: 'picking-up', framesLeft: frames(PICKUP_PAUSE_MS) };
  private stage: Stage | null = null;
  private frameCount = 0;

  constructor(
    readonly script: AnsweringScript,
    private readonly context: BusinessCallContext,
    options: BusinessCallOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    const attempt = options.attempt ?? 1;
    this.record = new CallRecorder(attempt, this.now);
    this.keypad = new KeypadInput(this.record);
    this.allFacts = makeFacts(script.facts, `${context.seed}:${context.callSid}`, { now: this.now(), timeZone: script.timeZone, language: script.language });
    const drop = script.drop;
    this.dropAtFrame = drop && (!drop.onlyFirstCall || attempt === 1) ? frames(drop.afterSeconds * 1000) : null;
    // Synthesize every line up front, nearest first, so the business never pauses mid-call to think.
    void prepareSpeech(script, this.allFacts);
  }

  /** Facts the business has started to say, by name (caseNumber: "ACM48213", callbackDate: "2025-03-06"). */
  get facts(): Readonly<Record<string, string>> {
    return this.givenFacts;
  }

  get heard(): readonly string[] {
    return this.heardTurns;
  }

  get frame(): number {
    return this.frameCount;
  }

  get speaking(): boolean {
    return this.voice.speaking;
  }

  report(): CallReport {
    return this.record.snapshot();
  }

  tick(heard: Buffer): Buffer {
    if (this.phase.kind === 'ended') return silence(FRAME_MS);
    this.frameCount++;
    if (this.dropAtFrame !== null && this.frameCount >= this.dropAtFrame) {
      this.drop();
      return silence(FRAME_MS);
    }
    const input = this.perceive(heard);
    this.advance(input);
    return this.voice.nextFrame() ?? this.stage?.idleFrame?.() ?? silence(FRAME_MS);
  }

  /** A key the caller pressed, out of band (RFC 2833 telephone events, `<Play digits>`). */
  hearDigit(digit: string): void {
    this.keyArrived(digit, 'out-of-band');
  }

  end(): void {
    this.stage?.callerHungUp?.();
    this.phase = { kind: 'ended' };
  }

  /** The lines are said as one turn: nothing plays until all are synthesized, so no pause splits them. */
  say(lines: readonly string[], voice: string): void {
    const audio = Promise.all(lines.map((template) => synthesize(renderLine(template, this.allFacts), { voice }))).then((parts) =>
      Buffer.concat(parts.flatMap((part, index) => (index < parts.length - 1 ? [part, silence(LINE_GAP_MS)] : [part]))),
    );
    const giveFacts = () => {
      for (const name of lines.flatMap(factNamesIn)) this.givenFacts[name] = this.allFacts[name].value;
    };
    this.voice.say(audio, giveFacts);
  }

  play(audio: Buffer): void {
    this.voice.say(Promise.resolve(audio));
  }

  stopSpeaking(): void {
    this.voice.clear();
  }

  random(purpose: string): () => number {
    return seededRandom(`${this.context.seed}:${this.context.callSid}:${purpose}`);
  }

  goTo(place: string): void {
    const { menus, departments, voicemail } = this.script;
    if (place === HANG_UP) {
      this.stage = null;
      this.keypad.accepting = 'nothing';
      this.phase = { kind: 'hanging-up', framesLeft: frames(HANG_UP_AFTER_MS) };
    } else if (place === VOICEMAIL && voicemail) {
      this.begin(new VoicemailStage(voicemail, this));
    } else if (menus[place]) {
      const firstVisit = !this.visitedMenus.has(place);
      this.visitedMenus.add(place);
      this.begin(new MenuStage(menus[place], this, firstVisit));
    } else if (departments[place]) {
      this.enterDepartment(departments[place]);
    } else {
      throw new Error(`business ${this.script.id}: no place "${place}"`);
    }
  }

  private enterDepartment(department: DepartmentScript): void {
    this.record.department(department.id);
    if (department.hold) this.begin(new HoldStage(department, this, () => this.begin(new AgentStage(department, this))));
    else this.begin(new AgentStage(department, this));
  }

  private begin(stage: Stage): void {
    this.stage = stage;
    this.keypad.accepting = stage.digits ?? 'nothing';
  }

  private start(): void {
    this.phase = { kind: 'in-call' };
    const { hours, timeZone, voice } = this.script;
    if (hours && !isOpenAt(hours, timeZone, this.now())) {
      this.record.closedHours();
      this.say([hours.closedMessage], voice);
      this.goTo(HANG_UP);
    } else {
      this.goTo(this.script.start);
    }
  }

  /** What the caller did in this frame: key tones are taken out of the audio before listening for speech. */
  private perceive(heard: Buffer): CallerInput {
    const key = this.dtmf.push(heard);
    if (key !== null) this.keyArrived(key, 'in-band');
    const event = this.detector.push(this.dtmf.toneInLastFrame === null ? heard : silence(FRAME_MS));
    let turn: CallerInput['turn'] = null;
    if (event?.type === 'speech_stopped') {
      const text = utteranceIndex.recognize(event.audio)?.text || null;
      this.heardTurns.push(text ?? UNRECOGNIZED_SPEECH);
      turn = { text };
    }
    return { turn, digit: null, callerSpeaking: this.detector.speaking };
  }

  private advance(input: CallerInput): void {
    const phase = this.phase;
    switch (phase.kind) {
      case 'picking-up':
        if (--phase.framesLeft <= 0) this.start();
        break;
      case 'in-call':
        this.stage?.tick({ ...input, digit: this.pendingDigits.shift() ?? null });
        break;
      case 'hanging-up':
        if (!this.voice.speaking && --phase.framesLeft <= 0) {
          this.phase = { kind: 'ended' };
          this.context.hangUp();
        }
        break;
    }
  }

  private keyArrived(digit: string, via: KeyArrival): void {
    if (this.phase.kind === 'ended') return;
    const accepted = this.keypad.arrive(digit, via, this.frameCount);
    if (accepted !== null) this.pendingDigits.push(accepted);
  }

  /** The line goes dead mid-call, without a word. */
  private drop(): void {
    this.phase = { kind: 'ended' };
    this.voice.clear();
    this.record.dropped();
    this.context.hangUp();
  }
}

/**
 * Synthesizes a script's lines ahead of its calls, nearest to pickup first (cached by the synthesizer).
 * Lines with facts need a call's facts; without them only fixed lines are prepared.
 */
export async function prepareSpeech(script: AnsweringScript, facts?: Readonly<Record<string, Fact>>): Promise<void> {
  const lines = scriptLines(script).filter((line) => line.kind === 'line' && (facts || factNamesIn(line.template).length === 0));
  await Promise.allSettled(lines.map((line) => synthesize(renderLine(line.template, facts ?? {}), { voice: line.voice })));
}
