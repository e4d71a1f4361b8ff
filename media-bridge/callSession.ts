import { FRAME_MS } from '../common/audio/mulaw.js';
import type { Logger } from '../common/logger.js';
import type { CallContext } from '../db/calls.js';
import type { Telephony } from '../telephony/telephony.js';
import { callWorkflowId, mediaSignal, outcomeConfirmedSignal, type MediaUpdate } from '../workflows/callSignals.js';
import { buildInstructions } from './brain/instructions.js';
import { BrainConnection, type BrainConnectionOptions } from './brain/brainConnection.js';
import type { BrainEvent, BrainSettings } from './brain/realtimeBrain.js';
import { runTool, type ToolHost } from './brain/toolRunner.js';
import { UsageMeter } from './brain/usageMeter.js';
import type { CallLineReport, Reached } from './callLineReport.js';
import type { CarrierStream } from './carrierStream.js';
import { HoldGate } from './holdGate.js';
import { LineWatch } from './lineWatch.js';
import { PlaybackTracker } from './playbackTracker.js';
import type { TranscriptWriter } from './transcriptWriter.js';
import { CallTranscript, type PartialPublisher } from './callTranscript.js';
import type { LoopInSettings } from './userLoopIn.js';
import { LoopInFlow } from './loopInFlow.js';
import { Keypad } from './keys/keypad.js';
import type { WorkflowNotifier } from './workflowNotifier.js';

// Past this long on hold the voice model's session is closed, not just left unfed, and reopened on pickup.
const LONG_HOLD_MS = 60_000;
const HANGUP_PAUSE_MS = 1000;
// How long the session waits for the next media stream of its call before it ends: a key press brings a
// new stream within a second or two; moving into a conference and dialing the agent back in takes longer.
const REATTACH_GRACE_MS = 5000;
const CONFERENCE_REATTACH_GRACE_MS = 30_000;
const ANNOUNCEMENT_WAIT_MS = 10_000;

export interface CallSessionDeps {
  call: CallContext;
  callSid: string;
  /** Our TwiML webhook for this call: after keys are played the carrier is redirected back to it. */
  voiceUrl: string;
  saveUsage(report: CallLineReport, costUsd: number): Promise<void>;
  /** Live, not-yet-final text of what someone is saying, for the UI (not stored). */
  publishPartial: PartialPublisher;
  /** How to bring the user onto the call; without it the agent cannot loop them in. */
  loopIn?: LoopInSettings;
  brain: BrainSettings;
  brainOptions?: BrainConnectionOptions;
  telephony: Telephony;
  transcripts: TranscriptWriter;
  workflow: WorkflowNotifier;
  log: Logger;
}

/**
 * One call on the bridge: the carrier's media stream on one side, the voice model on the other. Audio is
 * relayed untouched (pcmu both ways); the session tracks what was heard, stores transcript lines, runs
 * the model's tools and tells the workflow what happened.
 */
export class CallSession {
  private stream: CarrierStream | null = null;
  private readonly brain: BrainConnection;
  private brainStarted = false;
  private readonly playback = new PlaybackTracker();
  private readonly transcript: CallTranscript;
  private firstAudioAt: number | null = null;
  private readonly usage = new UsageMeter();
  private readonly holdGate = new HoldGate();
  private readonly lineWatch = new LineWatch();
  private checkedIn = false;
  private framesIn = 0;
  private suspendTimer: NodeJS.Timeout | undefined;
  private readonly loopIn: LoopInFlow;
  private reached: Reached | null = null;
  private readonly keypad: Keypad;
  /** When each far-end utterance began, in call time (for judging whether a menu took the keys). */
  private readonly calleeSpeechAtMs = new Map<string, number>();
  private responseDoneWaiters: Array<() => void> = [];
  private ending = false;
  private ended = false;
  private readonly workflowId: string;

  constructor(private readonly deps: CallSessionDeps) {
    this.workflowId = callWorkflowId(deps.call.id);
    this.transcript = new CallTranscript(deps.call.id, deps.transcripts, deps.publishPartial, this.playback);
    this.keypad = new Keypad({
      telephony: deps.telephony, callSid: deps.callSid, voiceUrl: deps.voiceUrl, mode: deps.call.options.keypad ?? 'carrier',
      lineClassifier: this.holdGate.classifier,
      canPress: () => !this.loopIn.active, stream: () => this.stream, tellModel: (text, respond) => this.tellModel(text, respond), remember: (line) => this.transcript.note(line),
      log: deps.log.child(deps.call.id),
    });
    this.loopIn = new LoopInFlow(deps.loopIn, deps.telephony, { callId: deps.call.id, callSid: deps.callSid, voiceUrl: deps.voiceUrl, userName: deps.call.userName }, {
      tellModel: (text, respond) => this.tellModel(text, respond),
      lineEvent: (type, detail) => this.lineEvent(type, detail),
      system: (text) => this.transcript.system(text),
      agentDoneSpeaking: () => this.agentDoneSpeaking(),
      isOver: () => this.ending || this.ended,
    }, deps.log.child(deps.call.id));
    const settings = { ...deps.brain, voice: deps.call.persona.voice ?? deps.brain.voice };
    this.brain = new BrainConnection(settings, () => this.instructions(), deps.log.child(deps.call.id), deps.brainOptions);
    this.brain.on('event', (event) => this.fromBrain(event));
    this.brain.on('failed', (reason) => void this.brainFailed(reason));
  }

  get callId(): string {
    return this.deps.call.id;
  }

  /** Starts relaying a (new) media stream of this call; the model session outlives stream changes. */
  async attach(stream: CarrierStream): Promise<void> {
    this.stream = stream;
    stream.on('media', (payload) => this.fromCarrier(payload));
    stream.on('mark', (name) => {
      this.playback.markPlayed(name, Date.now());
      this.transcript.storeHeardAgentLines();
      this.keypad.markPlayed(name, this.callMs);
    });
    stream.on('dtmf', (digit) => this.tellModel(`[The caller pressed ${digit}]`));
    stream.once('close', () => this.streamEnded(stream));
    void this.deps.workflow.signal(this.workflowId, mediaSignal, { type: 'stream-started', streamSid: stream.streamSid ?? '', at: new Date().toISOString() });
    this.keypad.streamStarted(this.callMs);
    this.loopIn.streamAttached();
    if (!this.brainStarted) {
      this.brainStarted = true;
      await this.brain.start();
      // On a call to the user's number the agent speaks first.
      if (this.deps.call.direction === 'inbound') this.brain.send({ type: 'response.create' });
    }
  }

  private fromCarrier(payload: string): void {
    this.firstAudioAt ??= Date.now();
    // One clock for the whole call: a new stream (after keys were pressed) restarts Twilio's timestamps.
    const callMs = this.framesIn++ * FRAME_MS;
    const { forward, event } = this.holdGate.push(payload, callMs);
    for (const frame of forward) this.brain.appendAudio(frame);
    // The hold gate decoded and analysed the frame already; the other detectors reuse both.
    const audio = this.holdGate.frame;
    this.keypad.heard(audio, callMs);
    const heard = this.lineWatch.push(audio, callMs, this.holdGate.onHold, this.holdGate.features);
    if (heard?.type === 'voicemail-beep') {
      this.holdGate.disable();
      this.lineEvent('voicemail-beep', `${Math.round(heard.frequencyHz)} Hz`);
      this.reached = 'voicemail';
      if (this.deps.call.options.voicemail === 'hang-up') void this.hangUp('voicemail answered; no message left, the call will be tried again');
    }
    else if (heard?.type === 'dead-air') this.deadAir();
    if (event?.type === 'hold-started') {
      this.lineEvent('hold-started', 'hold audio detected; the voice model stops listening');
      this.suspendTimer = setTimeout(() => this.brain.suspend(), LONG_HOLD_MS);
    } else if (event?.type === 'human-reached') {
      clearTimeout(this.suspendTimer);
      this.lineEvent('human-reached', `after ${this.holdGate.stats.holdSeconds.toFixed(0)} s on hold`);
      this.reached = 'human';
      void this.brain.resume();
    }
  }

  // First silence: the agent checks in. Silence again after that: nobody is there; end the call.
  private deadAir(): void {
    if (this.checkedIn) return void this.hangUp('no one answered on the line');
    this.checkedIn = true;
    this.brain.send({ type: 'response.create', response: { instructions: 'Say exactly: "Hello, are you still there?"' } });
  }

  private instructions(): string {
    // A replacement session (after a drop, or a long call) picks up where the last one left off.
    const recent = this.transcript.recent(60);
    return buildInstructions(this.deps.call) + (recent.length ? `\n## Conversation so far\n${recent.join('\n')}` : '');
  }

  private async brainFailed(reason: string): Promise<void> {
    if (this.ended || this.ending) return;
    this.transcript.system(`The voice AI became unavailable (${reason}); the call was ended.`);
    await this.hangUp('voice model unavailable');
  }

  private fromBrain(event: BrainEvent): void {
    switch (event.type) {
      case 'response.output_audio.delta':
        return this.agentAudio(event.item_id, event.delta);
      case 'response.output_audio.done':
        return this.agentAudioDone();
      case 'input_audio_buffer.speech_started':
        this.transcript.calleeStarted(event.item_id, (this.firstAudioAt ?? Date.now()) + (event.audio_start_ms ?? 0));
        this.calleeSpeechAtMs.set(event.item_id, this.callMs);
        return this.bargeIn();
      case 'conversation.item.input_audio_transcription.completed':
        return this.calleeSaid(event.item_id, event.transcript ?? '');
      case 'response.output_audio_transcript.delta':
        return this.transcript.partial('agent', event.item_id, event.delta);
      case 'conversation.item.input_audio_transcription.delta':
        return this.transcript.partial('callee', event.item_id, event.delta);
      case 'response.output_audio_transcript.done':
        return this.transcript.agentSaid(event.item_id, event.transcript ?? '');
      case 'response.output_item.done':
        if (event.item?.type === 'function_call') void runTool(this.toolHost, event.item.name, event.item.call_id, event.item.arguments);
        return;
      case 'response.done':
        this.agentAudioDone();
        for (const resolve of this.responseDoneWaiters.splice(0)) resolve();
        this.usage.add(event.response?.usage);
        this.saveUsage();
        return;
      case 'error':
        this.deps.log.warn('voice model reported an error', { callId: this.callId, error: event.error?.message ?? JSON.stringify(event.error) });
        return;
      default:
        return;
    }
  }

  private calleeSaid(itemId: string, transcript: string): void {
    const text = this.transcript.calleeSaid(itemId, transcript);
    const startedAtMs = this.calleeSpeechAtMs.get(itemId) ?? this.callMs;
    this.calleeSpeechAtMs.delete(itemId);
    if (text) this.keypad.farEndSaid(text, startedAtMs);
  }

  /** Time in the call, on the one clock that survives stream changes. */
  private get callMs(): number {
    return this.framesIn * FRAME_MS;
  }

  private agentAudio(itemId: string, delta: string): void {
    if (!this.stream || !delta) return;
    const now = Date.now();
    this.transcript.agentStarted(itemId, now);
    this.lineWatch.agentSpoke(this.callMs);
    this.stream.sendAudio(delta, this.playback.queue(itemId, Buffer.byteLength(delta, 'base64'), now));
  }

  private agentAudioDone(): void {
    for (const mark of this.playback.closeSegment()) this.stream?.sendMark(mark);
  }

  // The other side started talking over us: stop our audio where they stopped hearing it, and tell the
  // model how much was actually heard so it does not believe it said the rest.
  private bargeIn(): void {
    const playing = this.playback.playingNow(Date.now());
    if (!playing || !this.stream) return;
    this.brain.send({ type: 'conversation.item.truncate', item_id: playing.itemId, content_index: 0, audio_end_ms: playing.audioEndMs });
    this.stream.clear();
    this.playback.cleared();
    this.transcript.truncated(playing.itemId, playing.audioEndMs);
  }

  private readonly toolHost: ToolHost = {
    confirmOutcome: (values) => {
      // Only a person reads out a case number and agrees to read it back.
      if (this.reached !== 'voicemail') this.reached = 'human';
      return this.deps.workflow.signal(this.workflowId, outcomeConfirmedSignal, values);
    },
    pressDigits: (digits) => this.pressDigits(digits),
    holdAnnounced: () => this.holdGate.hint(),
    userNeeded: (reason) => this.loopIn.request(reason),
    escalated: (reason) => this.lineEvent('escalated', reason),
    hangUp: (reason) => this.hangUp(reason),
    reply: (callId, output, respond) => {
      this.brain.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output: JSON.stringify(output) } });
      if (respond) this.brain.send({ type: 'response.create' });
    },
    logToolCall: (name, args) => this.deps.log.info('tool call', { callId: this.callId, tool: name, args }),
  };

  // The model announces that it is bringing the customer in; the carrier steps wait until it has said so.
  private async agentDoneSpeaking(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.responseDoneWaiters.push(resolve);
      setTimeout(resolve, ANNOUNCEMENT_WAIT_MS);
    });
    await this.playback.drained(ANNOUNCEMENT_WAIT_MS);
  }

  /** Puts a note into the model's conversation; `respond` lets it speak about it right away. */
  private tellModel(text: string, respond = false): void {
    this.brain.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] } });
    if (respond) this.brain.send({ type: 'response.create' });
  }

  private async pressDigits(digits: string): Promise<boolean> {
    const sent = await this.keypad.press(digits);
    if (sent) this.reached ??= 'ivr';
    return sent;
  }

  private saveUsage(): void {
    this.deps.saveUsage({ ...this.usage.totals, ...this.holdGate.stats, reached: this.reached }, this.usage.costUsd).catch((err) => this.deps.log.warn('storing usage failed', { error: err.message }));
  }

  private lineEvent(type: MediaUpdate['type'], detail: string): void {
    void this.deps.workflow.signal(this.workflowId, mediaSignal, { type, streamSid: this.stream?.streamSid ?? '', at: new Date().toISOString(), detail });
  }

  private async hangUp(reason: string): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    // Let the goodbye finish playing, then pause a beat as people do: hanging up on the last syllable
    // clips it for the listener (and a voicemail box may not keep a message cut off mid-word).
    await this.playback.drained(15_000);
    await new Promise((r) => setTimeout(r, HANGUP_PAUSE_MS));
    this.deps.log.info('hanging up', { callId: this.callId, reason });
    this.lineEvent('agent-hung-up', reason);
    try {
      await this.deps.telephony.hangup(this.deps.callSid);
    } catch (err) {
      this.deps.log.error('hang-up failed', { callId: this.callId, error: (err as Error).message });
    }
  }

  private streamEnded(stream: CarrierStream): void {
    if (this.stream !== stream) return;
    this.stream = null;
    // Audio still queued at the carrier died with the stream.
    this.playback.cleared();
    this.transcript.storeHeardAgentLines();
    void this.deps.workflow.signal(this.workflowId, mediaSignal, { type: 'stream-ended', streamSid: stream.streamSid ?? '', at: new Date().toISOString() });
  }

  /** Ends the model session; called when the call is over (no stream re-attached within the grace period). */
  close(): void {
    clearTimeout(this.suspendTimer);
    this.saveUsage();
    this.transcript.storeHeardAgentLines(true);
    this.ended = true;
    this.brain.close();
  }

  get hasStream(): boolean {
    return this.stream !== null;
  }

  /** How long to wait for this call's next media stream before ending the session. */
  get reattachGraceMs(): number {
    return this.loopIn.active ? CONFERENCE_REATTACH_GRACE_MS : REATTACH_GRACE_MS;
  }
}
