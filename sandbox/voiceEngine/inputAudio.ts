// The input audio buffer: frames appended audio for the turn detector and keeps the audio a manual
// `input_audio_buffer.commit` would take. Times are ms since the first audio of the session.
import { FRAME_BYTES, FRAME_MS, SAMPLE_RATE } from '../../common/audio/mulaw.js';
import { TurnDetector, type TurnDetectorOptions, type TurnEvent } from '../speech/turnDetector.js';

// Without VAD a client must commit; keep at most this much uncommitted audio (OpenAI caps it too).
const MAX_UNCOMMITTED_MS = 5 * 60 * 1000;
const BYTES_PER_MS = SAMPLE_RATE / 1000;

export class InputAudio {
  private detector: TurnDetector | null = null;
  /** Session time at which the current detector received its first byte. */
  private detectorOriginMs = 0;
  private receivedBytes = 0;
  private partialFrame = Buffer.alloc(0);
  private uncommitted: Buffer[] = [];
  private uncommittedBytes = 0;

  constructor(options: TurnDetectorOptions | null) {
    this.configure(options);
  }

  /** Null turns VAD off. A turn in progress is dropped, as when OpenAI's VAD settings change. */
  configure(options: TurnDetectorOptions | null): void {
    this.detector = options ? new TurnDetector(options) : null;
    this.detectorOriginMs = this.receivedBytes / BYTES_PER_MS;
    this.partialFrame = Buffer.alloc(0);
  }

  get receivedMs(): number {
    return this.receivedBytes / BYTES_PER_MS;
  }

  /** Feeds audio; returns the turn events it completed, with session times. */
  append(audio: Buffer): TurnEvent[] {
    this.receivedBytes += audio.length;
    this.keep(audio);
    if (!this.detector) return [];
    const events: TurnEvent[] = [];
    let data = this.partialFrame.length > 0 ? Buffer.concat([this.partialFrame, audio]) : audio;
    // One frame per push, so every event comes out on the frame that caused it.
    while (data.length >= FRAME_BYTES) {
      const event = this.detector.push(data.subarray(0, FRAME_BYTES));
      data = data.subarray(FRAME_BYTES);
      if (event) events.push(this.toSessionTime(event));
    }
    this.partialFrame = Buffer.from(data);
    if (events.some((event) => event.type === 'speech_stopped')) this.dropUncommitted();
    return events;
  }

  /** Takes everything appended since the last commit or clear. */
  takeUncommitted(): { audio: Buffer; ms: number } {
    const audio = Buffer.concat(this.uncommitted);
    this.dropUncommitted();
    return { audio, ms: (audio.length / FRAME_BYTES) * FRAME_MS };
  }

  clear(): void {
    this.dropUncommitted();
    this.detector?.reset();
    this.detectorOriginMs = this.receivedMs;
    this.partialFrame = Buffer.alloc(0);
  }

  private toSessionTime(event: TurnEvent): TurnEvent {
    return event.type === 'speech_started'
      ? { ...event, audioStartMs: Math.round(this.detectorOriginMs + event.audioStartMs) }
      : { ...event, audioEndMs: Math.round(this.detectorOriginMs + event.audioEndMs) };
  }

  private keep(audio: Buffer): void {
    this.uncommitted.push(audio);
    this.uncommittedBytes += audio.length;
    while (this.uncommittedBytes > MAX_UNCOMMITTED_MS * BYTES_PER_MS && this.uncommitted.length > 1) {
      this.uncommittedBytes -= this.uncommitted.shift()!.length;
    }
  }

  private dropUncommitted(): void {
    this.uncommitted = [];
    this.uncommittedBytes = 0;
  }
}
