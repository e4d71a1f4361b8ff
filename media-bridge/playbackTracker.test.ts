import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PlaybackTracker } from './playbackTracker.js';

const BYTES_PER_MS = 8;

describe('playback tracker', () => {
  it('knows how much of an item has been heard between mark echoes', () => {
    const tracker = new PlaybackTracker();
    const [first] = tracker.queue('item1', 200 * BYTES_PER_MS, 1000);
    tracker.queue('item1', 200 * BYTES_PER_MS, 1001);
    assert.deepEqual(tracker.playingNow(1050), { itemId: 'item1', audioEndMs: 50 });
    tracker.markPlayed(first, 1200);
    assert.deepEqual(tracker.playingNow(1270), { itemId: 'item1', audioEndMs: 270 });
    assert.deepEqual(tracker.playingNow(5000), { itemId: 'item1', audioEndMs: 400 });
  });

  it('marks about every 100 ms of audio, and what is left when an item ends', () => {
    const tracker = new PlaybackTracker();
    const marks = [20, 20, 20, 20, 20, 20, 10].flatMap((ms, i) => tracker.queue('item1', ms * BYTES_PER_MS, i));
    assert.equal(marks.length, 1);
    assert.equal(tracker.closeSegment().length, 1);
    assert.equal(tracker.closeSegment().length, 0);
    assert.equal(tracker.queue('item2', 40 * BYTES_PER_MS, 10).length, 0);
    assert.equal(tracker.queue('item3', 40 * BYTES_PER_MS, 11).length, 1, "a new item closes the previous item's audio");
  });

  it('reports nothing playing once everything has played or was cleared', async () => {
    const tracker = new PlaybackTracker();
    tracker.queue('a', 160, 0);
    const [mark] = tracker.closeSegment();
    const drained = tracker.drained(1000);
    tracker.markPlayed(mark, 20);
    await drained;
    assert.equal(tracker.playingNow(30), null);
    tracker.queue('b', 1600, 40);
    tracker.cleared();
    assert.equal(tracker.hasPending, false);
    tracker.markPlayed('pb-unknown', 50);
    assert.equal(tracker.sentMs('b'), 200);
  });
});
