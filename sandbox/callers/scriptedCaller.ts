import { FRAME_MS, silence } from '../../common/audio/mulaw.js';
import type { BusinessCallContext, BusinessLine } from '../businesses/business.js';
import { UNRECOGNIZED_SPEECH } from '../businesses/callRecord.js';
import { VoiceOutput } from '../businesses/voiceOutput.js';
import { synthesize } from '../speech/synthesizer.js';
import { TurnDetector } from '../speech/turnDetector.js';
import { utteranceIndex } from '../speech/utteranceIndex.js';
import { CallerReplies, type CallerReply } from './callerReply.js';
import type { CallerScript } from './callerScript.js';

/** The other side's silence that ends their turn; a person waits a little longer than a voice bot's 500 ms. */
const TURN_SILENCE_MS = 700;
/** How long the caller takes to answer once the other side has finished. */
const RESPONSE_DELAY_MS = 400;
/** Nobody greets the caller for this long after pickup: they speak up anyway. */
const NO_GREETING_MS = 6000;
/**
 * The line is quiet this long: "Hello? Are you still there?" when nothing was heard since the caller
 * spoke, goodbye when the other side answered but has nothing more to ask.
 */
const QUIET_LINE_MS = 12_000;
const MAX_PROMPTS = 2;
const PROMPT = 'Hello? Are you still there?';
/** A call that has gone on this long gets a goodbye. */
const MAX_CALL_MS = 180_000;
/** Between two lines of one turn: shorter than a turn-ending pause. */
const LINE_GAP_MS = 300;
/** After the last word, before hanging up: long enough for the other side to hear the turn end. */
const HANG_UP_AFTER_MS = 800;

const frames = (ms: number) => Math.round(ms / FRAME_MS);

/** Ground truth of an inbound sandbox call, from the caller's side. */
export interface CallerReport {
  caller: { id: string; name: string; number: string };
  /** The caller's lines, in order. */
  said: string[];
  /** The other side's turns as the caller understood them. */
  heard: string[];
  hungUpBy: 'caller' | 'callee' | null;
  /** What a good message-taker should have noted. */
  message: Record<string, string>;
}

/**
 * A scripted person phoning in, driven by the carrier's 20 ms frame clock: waits for the greeting, says
 * why they call, answers questions by keyword, says goodbye and hangs up. It hears only the audio (turn
 * detection and the sandbox's utterance recognizer) and speaks synthesized speech, like the businesses.
 */
export class ScriptedCaller implements BusinessLine {
  private readonly said: string[] = [];
  private readonly heardTurns: string[] = [];
  private readonly replies: CallerReplies;
  private readonly detector = new TurnDetector({ silenceDurationMs: TURN_SILENCE_MS });
  private readonly voice = new VoiceOutput();
  private frame = 0;
  private quietFrames = 0;
  private prompts = 0;
  private heardSinceSpeaking = false;
  private pending: { framesLeft: number; heard: string | null } | null = null;
  private hangingUp: { framesLeft: number } | null = null;
  private hungUpBy: CallerReport['hungUpBy'] = null;

  constructor(
    private readonly script: CallerScript,
    private readonly context: BusinessCallContext,
  ) {
    this.replies = new CallerReplies(script);
    // Every line up front, so the caller never pauses mid-turn waiting for synthesis.
    for (const line of [script.reason, script.goodbye, script.fallback, PROMPT, ...script.answers.map((answer) => answer.say)]) {
      void synthesize(line, { voice: script.voice }).catch(() => undefined);
    }
  }

  /** The message's facts, once the caller has given them. */
  get facts(): Readonly<Record<string, string>> {
    return this.replies.hasGivenReason ? this.script.message : {};
  }

  get heard(): readonly string[] {
    return this.heardTurns;
  }

  callerReport(): CallerReport {
    const { id, name, number, message } = this.script;
    return { caller: { id, name, number }, said: [...this.said], heard: [...this.heardTurns], hungUpBy: this.hungUpBy, message: { ...message } };
  }

  tick(heard: Buffer): Buffer {
    if (this.hungUpBy !== null) return silence(FRAME_MS);
    this.frame++;
    this.listen(heard);
    this.act();
    return this.voice.nextFrame() ?? silence(FRAME_MS);
  }

  /** Keys pressed at the other end mean nothing to this caller. */
  hearDigit(): void {}

  end(): void {
    this.hungUpBy ??= 'callee';
  }

  private listen(heard: Buffer): void {
    const event = this.detector.push(heard);
    if (event?.type === 'speech_stopped') {
      const text = utteranceIndex.recognize(event.audio)?.text || null;
      this.heardTurns.push(text ?? UNRECOGNIZED_SPEECH);
      this.heardSinceSpeaking = true;
      if (!this.hangingUp) this.pending = { framesLeft: frames(RESPONSE_DELAY_MS), heard: text };
    }
    this.quietFrames = this.detector.speaking || this.voice.speaking ? 0 : this.quietFrames + 1;
  }

  private act(): void {
    if (this.hangingUp) {
      if (!this.voice.speaking && --this.hangingUp.framesLeft <= 0) {
        this.hungUpBy = 'caller';
        this.context.hangUp();
      }
      return;
    }
    if (this.frame >= frames(MAX_CALL_MS)) {
      this.speak(this.replies.farewell());
    } else if (this.pending && !this.detector.speaking) {
      if (--this.pending.framesLeft > 0) return;
      const reply = this.replies.replyTo(this.pending.heard);
      this.pending = null;
      if (reply) this.speak(reply);
    } else if (!this.replies.hasGivenReason && this.frame >= frames(NO_GREETING_MS) && !this.detector.speaking && this.heardTurns.length === 0) {
      this.speak(this.replies.opening());
    } else if (this.replies.hasGivenReason && this.quietFrames >= frames(QUIET_LINE_MS)) {
      // Someone is there but has nothing more to ask: the message is left, so the caller wraps up.
      const present = this.heardSinceSpeaking;
      this.speak(present || ++this.prompts > MAX_PROMPTS ? this.replies.farewell() : { say: [PROMPT], hangUp: false });
    }
  }

  private speak(reply: CallerReply): void {
    this.quietFrames = 0;
    this.heardSinceSpeaking = false;
    this.said.push(...reply.say);
    const { voice } = this.script;
    const lines = Promise.all(reply.say.map((line) => synthesize(line, { voice })));
    this.voice.say(lines.then((parts) => Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [silence(LINE_GAP_MS), part])))));
    if (reply.hangUp) this.hangingUp = { framesLeft: frames(HANG_UP_AFTER_MS) };
  }
}
