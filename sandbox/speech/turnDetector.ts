import { FRAME_BYTES, levelDbfs } from '../../common/audio/mulaw.js';

export type TurnEvent =
  | { type: 'speech_started'; audioStartMs: number }
  | { type: 'speech_stopped'; audioEndMs: number; audio: Buffer };

export interface TurnDetectorOptions {
  /** Frames louder than this are speech. */
  thresholdDbfs?: number;
  /** Audio kept before the detected start of speech. */
  prefixPaddingMs?: number;
  /** Silence that ends a turn. */
  silenceDurationMs?: number;
  /** Speech shorter than this is a blip, not a turn. */
  minSpeechMs?: number;
}

// espeak's quietest speech frames (word-initial fricatives) measure about -54 dBFS; mu-law
// silence is -inf and line noise sits well below -60.
const DEFAULT_THRESHOLD_DBFS = -58;
const BYTES_PER_MS = FRAME_BYTES / 20;

/**
 * Energy voice-activity detection with OpenAI server_vad semantics over 8 kHz mu-law. Audio is
 * analysed in 20 ms frames whatever size the pushed chunks are; time counts from the first byte
 * pushed. Espeak pauses at commas (~150 ms) and full stops (~350 ms) do not end a turn at the
 * default 500 ms.
 */
export class TurnDetector {
  private readonly threshold: number;
  private readonly prefixBytes: number;
  private readonly silenceBytes: number;
  private readonly minSpeechBytes: number;

  private readonly pending: TurnEvent[] = [];
  private carry: Buffer = Buffer.alloc(0);
  /** Recent audio: chunks[0] starts at byte `keptFrom` of the stream. */
  private chunks: Buffer[] = [];
  private keptFrom = 0;
  private analysed = 0;
  /** Start of the loud stretch being considered, or of the turn in progress. */
  private speechStart = -1;
  private loudBytes = 0;
  private lastLoudEnd = -1;
  private inTurn = false;

  constructor(options: TurnDetectorOptions = {}) {
    this.threshold = options.thresholdDbfs ?? DEFAULT_THRESHOLD_DBFS;
    this.prefixBytes = msToBytes(options.prefixPaddingMs ?? 300, 'prefixPaddingMs');
    this.silenceBytes = msToBytes(options.silenceDurationMs ?? 500, 'silenceDurationMs');
    this.minSpeechBytes = msToBytes(options.minSpeechMs ?? 100, 'minSpeechMs');
  }

  get speaking(): boolean {
    return this.inTurn;
  }

  /**
   * Feeds audio and returns the turn event it completed, if any. A chunk long enough to hold
   * several events (over half a second) returns them on this and the following pushes.
   */
  push(frame: Buffer): TurnEvent | null {
    // Copied: callers commonly reuse or pool their frame buffers.
    this.chunks.push(Buffer.from(frame));
    let data = this.carry.length > 0 ? Buffer.concat([this.carry, frame]) : frame;
    while (data.length >= FRAME_BYTES) {
      this.analyse(data.subarray(0, FRAME_BYTES));
      data = data.subarray(FRAME_BYTES);
    }
    this.carry = Buffer.from(data);
    this.forgetOldAudio();
    return this.pending.shift() ?? null;
  }

  reset(): void {
    this.pending.length = 0;
    this.carry = Buffer.alloc(0);
    this.chunks = [];
    this.keptFrom = 0;
    this.analysed = 0;
    this.speechStart = -1;
    this.loudBytes = 0;
    this.lastLoudEnd = -1;
    this.inTurn = false;
  }

  private analyse(frame: Buffer): void {
    const start = this.analysed;
    const end = start + frame.length;
    this.analysed = end;
    if (levelDbfs(frame) > this.threshold) {
      if (this.speechStart < 0) this.speechStart = start;
      this.loudBytes += frame.length;
      this.lastLoudEnd = end;
      if (!this.inTurn && this.loudBytes >= this.minSpeechBytes) {
        this.inTurn = true;
        this.pending.push({ type: 'speech_started', audioStartMs: this.paddedStart() / BYTES_PER_MS });
      }
      return;
    }
    if (this.speechStart < 0) return;
    const quiet = end - this.lastLoudEnd;
    if (this.inTurn && quiet >= this.silenceBytes) {
      this.pending.push({
        type: 'speech_stopped',
        audioEndMs: this.lastLoudEnd / BYTES_PER_MS,
        audio: this.audioBetween(this.paddedStart(), this.lastLoudEnd),
      });
      this.endCandidate();
    } else if (!this.inTurn && quiet >= this.minSpeechBytes) {
      // A blip: the loud stretch ended before it was long enough to count as speech.
      this.endCandidate();
    }
  }

  private endCandidate(): void {
    this.inTurn = false;
    this.speechStart = -1;
    this.loudBytes = 0;
  }

  private paddedStart(): number {
    return Math.max(0, this.speechStart - this.prefixBytes);
  }

  private audioBetween(from: number, to: number): Buffer {
    return Buffer.concat(this.chunks).subarray(from - this.keptFrom, to - this.keptFrom);
  }

  /** Keeps only what a future speech_stopped could still need: the padding before a start. */
  private forgetOldAudio(): void {
    const needed = this.speechStart >= 0 ? this.paddedStart() : Math.max(0, this.analysed - this.prefixBytes);
    while (this.chunks.length > 1 && this.keptFrom + this.chunks[0].length <= needed) {
      this.keptFrom += this.chunks[0].length;
      this.chunks.shift();
    }
  }
}

function msToBytes(ms: number, name: string): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`TurnDetector: ${name} must be a non-negative number of ms`);
  return Math.round(ms * BYTES_PER_MS);
}
