import { FRAME_BYTES, FRAME_MS, MULAW_SILENCE } from '../../common/audio/mulaw.js';

type QueueItem = { kind: 'audio'; bytes: Buffer; offset: number } | { kind: 'marker'; onReached: () => void };

/**
 * Audio waiting to be played into a call, one 20 ms frame per clock tick, with markers between the
 * chunks. A marker is reached once every byte queued before it has been played (or flushed by clear()),
 * which is exactly when Twilio echoes a Media Streams `mark`.
 */
export class PlayoutQueue {
  private items: QueueItem[] = [];
  private bufferedBytes = 0;

  enqueue(audio: Buffer): void {
    if (audio.length === 0) return;
    this.items.push({ kind: 'audio', bytes: audio, offset: 0 });
    this.bufferedBytes += audio.length;
  }

  enqueueMarker(onReached: () => void): void {
    this.items.push({ kind: 'marker', onReached });
  }

  /** Milliseconds of audio still to play. */
  get bufferedMs(): number {
    return (this.bufferedBytes / FRAME_BYTES) * FRAME_MS;
  }

  /** The next frame to play (silence-padded when the queue runs dry); fires the markers it passes. */
  nextFrame(): Buffer {
    const frame = Buffer.alloc(FRAME_BYTES, MULAW_SILENCE);
    const reached: Array<() => void> = [];
    let filled = 0;
    while (this.items.length > 0) {
      const item = this.items[0];
      if (item.kind === 'marker') {
        reached.push(item.onReached);
        this.items.shift();
        continue;
      }
      if (filled === FRAME_BYTES) break;
      const take = Math.min(FRAME_BYTES - filled, item.bytes.length - item.offset);
      item.bytes.copy(frame, filled, item.offset, item.offset + take);
      item.offset += take;
      filled += take;
      this.bufferedBytes -= take;
      if (item.offset === item.bytes.length) this.items.shift();
    }
    for (const onReached of reached) onReached();
    return frame;
  }

  /** Drops all queued audio; every pending marker counts as reached, in order. */
  clear(): void {
    const pending = this.items;
    this.items = [];
    this.bufferedBytes = 0;
    for (const item of pending) if (item.kind === 'marker') item.onReached();
  }
}
