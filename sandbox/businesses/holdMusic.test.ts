import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectKeyTone } from '../../common/audio/dtmfDetector.js';
import { levelDbfs } from '../../common/audio/mulaw.js';
import { HoldMusicPlayer } from './holdMusic.js';

test('hold music is audible, never mistaken for keys, and loops seamlessly', () => {
  for (const kind of ['chords', 'pulse'] as const) {
    const player = new HoldMusicPlayer(kind);
    const frames = Array.from({ length: 1000 }, () => player.nextFrame());
    assert.ok(frames.every((frame) => detectKeyTone(frame) === null), `${kind} contains a key tone`);
    const levels = frames.map(levelDbfs).filter(Number.isFinite);
    assert.ok(Math.max(...levels) > -30 && Math.max(...levels) < -10, `${kind} peaks at ${Math.max(...levels)} dBFS`);
  }
  const silent = new HoldMusicPlayer('silence');
  assert.equal(levelDbfs(silent.nextFrame()), -Infinity);
});
