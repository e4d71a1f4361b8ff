import { FRAME_MS } from '../common/audio/mulaw.js';
import type { Logger } from '../common/logger.js';
import type { CallContext } from '../db/calls.js';
import type { Telephony } from '../telephony/telephony.js';
import { callWorkflowId, mediaSignal, outcomeConfirmedSignal, type MediaUpdate } from '../workflows/callSignals.js';
import { buildInstructions } from './brain/instructions.js';
import { BrainConnection, type BrainConnectionOptions } from './brain/brainConnection.js';
import type { BrainEvent, BrainSettings } from './brain/realtimeBrain.js';
import { runTool, type ToolHost } from './brain/toolRunner.js';
import { UsageMeter, type UsageTotals } from './brain/usageMeter.js';
import type { LineStats } from './holdGate.js';
import type { CarrierStream } from './carrierStream.js';
import { HoldGate } from './holdGate.js';
import { LineWatch } from './lineWatch.js';
import { PlaybackTracker } from './playbackTracker.js';
import type { TranscriptWriter } from './transcriptWriter.js';
import type { WorkflowNotifier } from './workflowNotifier.js';

// Past this long on hold the voice model's session is closed, not just left unfed, and reopened on pickup.
const LONG_HOLD_MS = 60_000;
const HANGUP_PAUSE_MS = 1000;

export interface CallSessionDeps {
  call: CallContext;
  callSid: string;
  /** Our TwiML webhook for this call: after keys are played the carrier is redirected back to it. */
  voiceUrl: string;
  saveUsage(usage: UsageTotals & LineStats, costUsd: number): Promise<void>;
  /** Live, not-yet-final text of what someone is saying, for the UI (not stored). */
  publishPartial(partial: { speaker: 'agent' | 'callee'; itemId: string; text: string }): void;
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
  private firstAudioAt: number | null = null;
  private readonly speechStartedAt = new Map<string, number>();
  private readonly agentItemStartedAt = new Map<string, number>();
  private readonly truncatedAt = new Map<string, number>();
  private readonly history: string[] = [];
  private readonly usage = new UsageMeter();
  private readonly holdGate = new HoldGate();
  private readonly lineWatch = new LineWatch();
  private checkedIn = false;
  private framesIn = 0;
  private suspendTimer: NodeJS.Timeout | undefined;
  private readonly partials = new Map<string, { text: string; sentAt: number }>();
  private readonly unheardAgentLines = new Map<string, string>();
  private ending = false;
  private ended = false;
  private readonly workflowId: string;

  constructor(private readonly deps: CallSessionDeps) {
    this.workflowId = callWorkflowId(deps.call.id);
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
      this.storeHeardAgentLines();
    });
    stream.on('dtmf', (digit) => this.brain.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: `[The caller pressed ${digit}]` }] } }));
    stream.once('close', () => this.streamEnded(stream));
    void this.deps.workflow.signal(this.workflowId, mediaSignal, { type: 'stream-started', streamSid: stream.streamSid ?? '', at: new Date().toISOString() });
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
    const heard = this.lineWatch.push(Buffer.from(payload, 'base64'), callMs, this.holdGate.onHold);
    if (heard?.type === 'voicemail-beep') {
      this.holdGate.disable();
      this.lineEvent('voicemail-beep', `${Math.round(heard.frequencyHz)} Hz`);
    }
    else if (heard?.type === 'dead-air') this.deadAir();
    if (event?.type === 'hold-started') {
      this.lineEvent('hold-started', 'hold audio detected; the voice model stops listening');
      this.suspendTimer = setTimeout(() => this.brain.suspend(), LONG_HOLD_MS);
    } else if (event?.type === 'human-reached') {
      clearTimeout(this.suspendTimer);
      this.lineEvent('human-reached', `after ${this.holdGate.stats.holdSeconds.toFixed(0)} s on hold`);
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
    const recent = this.history.slice(-60);
    return buildInstructions(this.deps.call) + (recent.length ? `\n## Conversation so far\n${recent.join('\n')}` : '');
  }

  private async brainFailed(reason: string): Promise<void> {
    if (this.ended || this.ending) return;
    this.system(`The voice AI became unavailable (${reason}); the call was ended.`);
    await this.hangUp('voice model unavailable');
  }

  private fromBrain(event: BrainEvent): void {
    switch (event.type) {
      case 'response.output_audio.delta':
        return this.agentAudio(event.item_id, event.delta);
      case 'response.output_audio.done':
        return this.agentAudioDone();
      case 'input_audio_buffer.speech_started':
        this.speechStartedAt.set(event.item_id, (this.firstAudioAt ?? Date.now()) + (event.audio_start_ms ?? 0));
        return this.bargeIn();
      case 'conversation.item.input_audio_transcription.completed':
        return this.calleeSaid(event.item_id, event.transcript ?? '');
      case 'response.output_audio_transcript.delta':
        return this.partial('agent', event.item_id, event.delta);
      case 'conversation.item.input_audio_transcription.delta':
        return this.partial('callee', event.item_id, event.delta);
      case 'response.output_audio_transcript.done':
        return this.agentSaid(event.item_id, event.transcript ?? '');
      case 'response.output_item.done':
        if (event.item?.type === 'function_call') void runTool(this.toolHost, event.item.name, event.item.call_id, event.item.arguments);
        return;
      case 'response.done':
        this.agentAudioDone();
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

  private agentAudio(itemId: string, delta: string): void {
    if (!this.stream || !delta) return;
    const now = Date.now();
    this.agentItemStartedAt.set(itemId, this.agentItemStartedAt.get(itemId) ?? now);
    this.lineWatch.agentSpoke(this.framesIn * FRAME_MS);
    this.stream.sendAudio(delta);
    for (const mark of this.playback.queue(itemId, Buffer.byteLength(delta, 'base64'), now)) this.stream.sendMark(mark);
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
    this.truncatedAt.set(playing.itemId, playing.audioEndMs);
    this.stream.clear();
    this.playback.cleared();
    this.storeHeardAgentLines();
  }

  // Deltas arrive many times a second; the UI gets the growing text at most every 250 ms per item.
  private partial(speaker: 'agent' | 'callee', itemId: string, delta: string | undefined): void {
    if (!itemId || !delta) return;
    const entry = this.partials.get(itemId) ?? { text: '', sentAt: 0 };
    entry.text += delta;
    this.partials.set(itemId, entry);
    const now = Date.now();
    if (now - entry.sentAt < 250) return;
    entry.sentAt = now;
    this.deps.publishPartial({ speaker, itemId, text: entry.text });
  }

  private calleeSaid(itemId: string, transcript: string): void {
    this.partials.delete(itemId);
    const text = transcript.trim();
    if (!text) return;
    const at = this.speechStartedAt.get(itemId) ?? Date.now();
    this.history.push(`Representative: ${text}`);
    this.deps.transcripts.write({ callId: this.callId, speaker: 'callee', text, spokenAt: new Date(at).toISOString(), sourceId: `in:${itemId}` });
  }

  // The model's text arrives well before its audio has played, so a line is stored once its audio has
  // been heard (or cut off by barge-in): the transcript then says what the other side actually heard.
  private agentSaid(itemId: string, transcript: string): void {
    this.partials.delete(itemId);
    this.unheardAgentLines.set(itemId, transcript.trim());
    this.storeHeardAgentLines();
  }

  private storeHeardAgentLines(flushAll = false): void {
    for (const [itemId, transcript] of this.unheardAgentLines) {
      if (!flushAll && this.playback.isPlaying(itemId)) continue;
      this.unheardAgentLines.delete(itemId);
      const text = cutAtHeard(transcript, this.truncatedAt.get(itemId), this.playback.sentMs(itemId));
      if (!text) continue;
      const at = this.agentItemStartedAt.get(itemId) ?? Date.now();
      this.history.push(`You: ${text}`);
      this.deps.transcripts.write({ callId: this.callId, speaker: 'agent', text, spokenAt: new Date(at).toISOString(), sourceId: `out:${itemId}` });
    }
  }

  private system(text: string): void {
    this.deps.transcripts.write({ callId: this.callId, speaker: 'system', text, spokenAt: new Date().toISOString(), sourceId: `sys:${Date.now()}:${text.length}` });
  }

  private readonly toolHost: ToolHost = {
    confirmOutcome: (values) => this.deps.workflow.signal(this.workflowId, outcomeConfirmedSignal, values),
    pressDigits: (digits) => this.pressDigits(digits),
    holdAnnounced: () => this.holdGate.hint(),
    userNeeded: (reason) => {
      this.lineEvent('user-needed', reason);
      this.system(`The agent needs you on this call: ${reason}`);
    },
    escalated: (reason) => this.lineEvent('escalated', reason),
    hangUp: (reason) => this.hangUp(reason),
    reply: (callId, output, respond) => {
      this.brain.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output: JSON.stringify(output) } });
      if (respond) this.brain.send({ type: 'response.create' });
    },
    logToolCall: (name, args) => this.deps.log.info('tool call', { callId: this.callId, tool: name, args }),
  };

  // Media Streams cannot carry keys. The call is redirected to <Play digits> and back to our TwiML, which
  // opens a new stream that re-attaches to this session; the model session stays open across the gap.
  private async pressDigits(digits: string): Promise<boolean> {
    const twiml = `<Response><Play digits="${digits}"/><Redirect method="POST">${escapeXml(this.deps.voiceUrl)}</Redirect></Response>`;
    try {
      await this.deps.telephony.updateCall(this.deps.callSid, twiml);
      this.history.push(`You pressed ${digits}`);
      return true;
    } catch (err) {
      this.deps.log.warn('pressing keys failed', { callId: this.callId, digits, error: (err as Error).message });
      return false;
    }
  }

  private saveUsage(): void {
    this.deps.saveUsage({ ...this.usage.totals, ...this.holdGate.stats }, this.usage.costUsd).catch((err) => this.deps.log.warn('storing usage failed', { error: err.message }));
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
    this.storeHeardAgentLines();
    void this.deps.workflow.signal(this.workflowId, mediaSignal, { type: 'stream-ended', streamSid: stream.streamSid ?? '', at: new Date().toISOString() });
  }

  /** Ends the model session; called when the call is over (no stream re-attached within the grace period). */
  close(): void {
    clearTimeout(this.suspendTimer);
    this.saveUsage();
    this.storeHeardAgentLines(true);
    this.ended = true;
    this.brain.close();
  }

  get hasStream(): boolean {
    return this.stream !== null;
  }
}

/** The transcript of an interrupted reply, cut to the share of its audio that was actually heard. */
function cutAtHeard(text: string, heardMs: number | undefined, sentMs: number): string {
  if (heardMs === undefined || sentMs <= 0 || heardMs >= sentMs) return text;
  const words = text.split(/\s+/);
  const keep = Math.round((words.length * heardMs) / sentMs);
  return keep <= 0 ? '' : `${words.slice(0, keep).join(' ')}…`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
