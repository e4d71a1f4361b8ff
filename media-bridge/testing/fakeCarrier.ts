import { performance } from 'node:perf_hooks';
import twilio from 'twilio';
import WebSocket from 'ws';
import { FRAME_BYTES, MULAW_SILENCE } from '../../common/audio/mulaw.js';

/**
 * Test double for Twilio's side of one media stream: sends caller audio in real-time 20 ms frames and plays
 * what it receives at real-time pace, echoing marks once played and honouring `clear` like Twilio. It
 * remembers how much agent audio had actually played when each `clear` arrived.
 */
export class FakeCarrier {
  readonly clears: Array<{ playedMs: number; at: number }> = [];
  readonly received: any[] = [];
  private socket!: WebSocket;
  private readonly outgoing: Buffer[] = [];
  private playQueue: Array<{ audio: Buffer } | { mark: string }> = [];
  private playedSinceClear = 0;
  private idle = true;
  private seq = 0;
  private chunk = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly streamSid = `MZ${'0'.repeat(31)}1`;

  async connect(bridgeUrl: string, authToken: string, customParameters: Record<string, string>): Promise<void> {
    this.socket = new WebSocket(bridgeUrl, { headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, bridgeUrl, {}) } });
    await new Promise((resolve, reject) => this.socket.once('open', resolve).once('error', reject));
    this.socket.on('message', (data) => this.onMessage(JSON.parse(data.toString())));
    this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    this.send({
      event: 'start', sequenceNumber: String(++this.seq), streamSid: this.streamSid,
      start: {
        streamSid: this.streamSid, accountSid: `AC${'0'.repeat(32)}`, callSid: `CA${'0'.repeat(32)}`, tracks: ['inbound'],
        customParameters, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
      },
    });
    const started = performance.now();
    let ticks = 0;
    // Paced from a monotonic clock: each wake-up sends every frame that has come due.
    this.timer = setInterval(() => {
      const due = Math.floor((performance.now() - started) / 20);
      while (ticks < due) {
        ticks++;
        this.tick(ticks * 20);
      }
    }, 5);
  }

  /** Queues caller speech; it goes out frame by frame, silence in between. */
  say(audio: Buffer): void {
    for (let i = 0; i < audio.length; i += FRAME_BYTES) {
      const frame = Buffer.alloc(FRAME_BYTES, MULAW_SILENCE);
      audio.copy(frame, 0, i, Math.min(i + FRAME_BYTES, audio.length));
      this.outgoing.push(frame);
    }
  }

  get agentAudioQueuedMs(): number {
    return this.playQueue.reduce((ms, e) => ms + ('audio' in e ? e.audio.length / 8 : 0), 0);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.socket.close();
  }

  private tick(timestampMs: number): void {
    const frame = this.outgoing.shift() ?? Buffer.alloc(FRAME_BYTES, MULAW_SILENCE);
    this.send({ event: 'media', sequenceNumber: String(++this.seq), streamSid: this.streamSid, media: { track: 'inbound', chunk: String(++this.chunk), timestamp: String(timestampMs), payload: frame.toString('base64') } });
    this.play(FRAME_BYTES);
  }

  private play(bytes: number): void {
    let left = bytes;
    while (this.playQueue.length) {
      const head = this.playQueue[0];
      if ('mark' in head) {
        this.playQueue.shift();
        this.send({ event: 'mark', sequenceNumber: String(++this.seq), streamSid: this.streamSid, mark: { name: head.mark } });
        continue;
      }
      if (left === 0) break;
      const take = Math.min(left, head.audio.length);
      head.audio = head.audio.subarray(take);
      left -= take;
      this.playedSinceClear += take;
      if (head.audio.length === 0) this.playQueue.shift();
    }
    if (!this.playQueue.length) this.idle = true;
  }

  private onMessage(message: any): void {
    this.received.push(message);
    if (message.event === 'media') {
      // Audio arriving after the queue ran dry starts a new utterance: count what is heard of it alone.
      if (this.idle) this.playedSinceClear = 0;
      this.idle = false;
      this.playQueue.push({ audio: Buffer.from(message.media.payload, 'base64') });
    }
    else if (message.event === 'mark') this.playQueue.push({ mark: message.mark.name });
    else if (message.event === 'clear') {
      this.clears.push({ playedMs: this.playedSinceClear / 8, at: performance.now() });
      for (const entry of this.playQueue) {
        if ('mark' in entry) this.send({ event: 'mark', sequenceNumber: String(++this.seq), streamSid: this.streamSid, mark: { name: entry.mark } });
      }
      this.playQueue = [];
      this.playedSinceClear = 0;
    }
  }

  private send(message: object): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
