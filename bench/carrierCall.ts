import WebSocket from 'ws';
import { FRAME_BYTES, FRAME_MS, SAMPLE_RATE } from '../common/audio/mulaw.js';
import { base64Envelope, openBase64Envelope, type Base64Envelope } from './base64Envelope.js';
import { benchPayload, readFrameIndex, readHoldMicros } from './frameStamp.js';
import type { RelayMeasurements } from './relayMeasurements.js';

export interface CarrierCallOptions {
  /** ws:// address of the bridge's media stream endpoint. */
  url: string;
  signature: string;
  callId: string;
  callToken: string;
  /** When the call's first frame falls due (monotonic ms); frame k is due FRAME_MS * k later. */
  origin: number;
  maxFrames: number;
  /** When this call first tries a barge-in, then every `bargeInEveryMs`. */
  firstBargeInAt: number;
  bargeInEveryMs: number;
  measurements: RelayMeasurements;
}

// Like a real carrier, playback starts once a little audio is buffered, so a few of the agent's marks are
// always pending while it talks (the bridge marks about every 100 ms): that is the state in which a
// barge-in must produce a `clear`.
const PLAYOUT_DELAY_MS = 60;
const MIN_PENDING_MARKS_FOR_BARGE_IN = 1;
export const BARGE_IN_TIMEOUT_MS = 2000;

/**
 * One simulated Twilio media stream: sends stamped 20 ms frames when told they are due, plays the
 * agent's audio back in real time (echoing marks as it finishes, flushing on `clear`), and reports what
 * it measured. Messages are shaped exactly as Twilio's bidirectional Media Streams.
 */
export class CarrierCall {
  private readonly socket: WebSocket;
  private readonly streamSid: string;
  private readonly callSid: string;
  /** How the bridge spells this stream's `media` messages; the rare other messages go through JSON.parse. */
  private readonly agentMedia: Base64Envelope;
  private readonly mediaMiddle: string;
  private readonly sentAt: Float64Array;
  private sequence = 0;
  private nextFrame = 0;
  private started = false;
  private playEndsAt = 0;
  private readonly pendingMarks: Array<{ name: string; playedAt: number }> = [];
  private nextBargeInAt: number;
  private bargeInSentAt: number | null = null;
  private closedEarly = false;
  private finished = false;

  constructor(private readonly options: CarrierCallOptions, private readonly onProblem: (problem: string) => void) {
    this.streamSid = `MZ${options.callId}`;
    this.callSid = `CA${options.callId}`;
    this.agentMedia = base64Envelope(`{"event":"media","streamSid":"${this.streamSid}","media":{"payload":"`, '"}}');
    this.mediaMiddle = `","streamSid":"${this.streamSid}","media":{"track":"inbound","chunk":"`;
    this.sentAt = new Float64Array(options.maxFrames);
    this.nextBargeInAt = options.firstBargeInAt;
    // What the bridge sends is checked where it is read (every payload is base64-checked), so ws need not validate UTF-8 too.
    this.socket = new WebSocket(options.url, { headers: { 'X-Twilio-Signature': options.signature }, perMessageDeflate: false, skipUTF8Validation: true });
    this.socket.on('open', () => this.open());
    this.socket.on('message', (data: Buffer) => this.receive(data, performance.now()));
    this.socket.on('error', (err) => onProblem(`call ${options.callId}: ${err.message}`));
    this.socket.on('close', (code, reason) => {
      if (this.finished) return;
      this.closedEarly = true;
      onProblem(`call ${options.callId}: the bridge closed the stream (${code} ${reason.toString()})`);
    });
  }

  /** The stream ended before the benchmark finished it. */
  get dropped(): boolean {
    return this.closedEarly;
  }

  /** The stream is open and sending audio. */
  get live(): boolean {
    return this.started && !this.closedEarly;
  }

  get nextFrameDueAt(): number {
    return this.started && this.nextFrame < this.options.maxFrames ? this.dueAt(this.nextFrame) : Infinity;
  }

  /** Sends every frame due by `now` (several if the clock fell behind), echoes played marks, expires barge-ins. */
  tick(now: number, sendUntil: number): void {
    if (!this.started || this.closedEarly) return;
    while (this.nextFrame < this.options.maxFrames && this.dueAt(this.nextFrame) <= Math.min(now, sendUntil)) {
      this.sendFrame(this.nextFrame++);
    }
    while (this.pendingMarks.length && this.pendingMarks[0].playedAt <= now) this.echoMark(this.pendingMarks.shift()!.name);
    if (this.bargeInSentAt !== null && now - this.bargeInSentAt > BARGE_IN_TIMEOUT_MS) {
      this.options.measurements.bargeInMissed(this.bargeInSentAt);
      this.bargeInSentAt = null;
    }
  }

  /** Ends the stream the way Twilio does: a `stop` message, then the socket closes. */
  finish(): void {
    this.finished = true;
    if (this.socket.readyState === WebSocket.OPEN) {
      this.send({ event: 'stop', sequenceNumber: this.nextSequence(), streamSid: this.streamSid, stop: { accountSid: 'ACbench', callSid: this.callSid } });
      this.socket.close(1000, 'call ended');
    } else {
      this.socket.terminate();
    }
  }

  private dueAt(frame: number): number {
    return this.options.origin + frame * FRAME_MS;
  }

  private open(): void {
    this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    this.send({
      event: 'start',
      sequenceNumber: this.nextSequence(),
      streamSid: this.streamSid,
      start: {
        streamSid: this.streamSid,
        accountSid: 'ACbench',
        callSid: this.callSid,
        tracks: ['inbound'],
        customParameters: { callId: this.options.callId, token: this.options.callToken },
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: SAMPLE_RATE, channels: 1 },
      },
    });
    this.started = true;
    // A call that connected late starts with the next frame due, as a real call would.
    const now = performance.now();
    this.nextFrame = Math.max(0, Math.ceil((now - this.options.origin) / FRAME_MS));
  }

  private sendFrame(index: number): void {
    const sentAt = performance.now();
    const wantsBargeIn = this.bargeInSentAt === null && sentAt >= this.nextBargeInAt && this.pendingMarks.length >= MIN_PENDING_MARKS_FOR_BARGE_IN;
    // The same JSON as JSON.stringify of Twilio's message, written from pre-built text.
    this.sendText(`{"event":"media","sequenceNumber":"${this.nextSequence()}${this.mediaMiddle}${index + 1}","timestamp":"${index * FRAME_MS}","payload":"${benchPayload(index, wantsBargeIn)}"}}`);
    this.sentAt[index] = sentAt;
    this.options.measurements.frameSent(this.dueAt(index), sentAt);
    if (wantsBargeIn) {
      this.bargeInSentAt = sentAt;
      this.nextBargeInAt += this.options.bargeInEveryMs;
    }
  }

  private receive(data: Buffer, now: number): void {
    const payload = openBase64Envelope(data, this.agentMedia);
    if (payload !== null) return this.agentAudio(payload, now);
    let message: { event?: string; media?: { payload?: string }; mark?: { name?: string } };
    try {
      message = JSON.parse(data.toString());
    } catch {
      return this.onProblem(`call ${this.options.callId}: the bridge sent a message that is not JSON`);
    }
    switch (message.event) {
      case 'media':
        return this.agentAudio(message.media?.payload ?? '', now);
      case 'mark':
        if (message.mark?.name) this.pendingMarks.push({ name: message.mark.name, playedAt: this.playEndsAt });
        return;
      case 'clear':
        return this.cleared(now);
    }
  }

  private agentAudio(payload: string, now: number): void {
    const audio = Buffer.from(payload, 'base64');
    for (let at = 0; at + FRAME_BYTES <= audio.length; at += FRAME_BYTES) {
      const index = readFrameIndex(audio, at);
      if (index < this.nextFrame) this.options.measurements.frameReturned(this.dueAt(index), this.sentAt[index], now, readHoldMicros(audio, at) / 1000);
    }
    const audioMs = (audio.length * 1000) / SAMPLE_RATE;
    this.playEndsAt = (this.playEndsAt > now ? this.playEndsAt : now + PLAYOUT_DELAY_MS) + audioMs;
  }

  // Twilio flushes its buffer and echoes every pending mark at once.
  private cleared(now: number): void {
    if (this.bargeInSentAt !== null) {
      this.options.measurements.bargeInCleared(this.bargeInSentAt, now);
      this.bargeInSentAt = null;
    } else {
      this.options.measurements.unexpectedClear();
    }
    for (const mark of this.pendingMarks.splice(0)) this.echoMark(mark.name);
    this.playEndsAt = now;
  }

  private echoMark(name: string): void {
    this.sendText(`{"event":"mark","sequenceNumber":"${this.nextSequence()}","streamSid":"${this.streamSid}","mark":{"name":${JSON.stringify(name)}}}`);
  }

  private nextSequence(): string {
    return String(++this.sequence);
  }

  private send(message: object): void {
    this.sendText(JSON.stringify(message));
  }

  // A Buffer is masked into one frame and written once; a string would take a second buffer and a writev.
  private sendText(text: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(Buffer.from(text), { binary: false });
  }
}
