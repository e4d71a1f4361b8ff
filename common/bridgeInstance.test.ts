import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bridgeInstanceFor, streamUrlFor } from './bridgeInstance.js';
import { loadConfig } from './config.js';

const callIds = Array.from({ length: 3000 }, (_, i) => `call_${i.toString(16).padStart(24, '0')}`);

describe('which bridge instance carries a call', () => {
  // Pinned: an API upgraded while a call is live must send the call's next stream (after a key press) to
  // the same instance as the old code did, so the choice may never change from one version to the next.
  it('does not change from one version to the next', () => {
    const pinned: Array<[string, number, number, number]> = [
      ['call_000000000000000000000000', 1, 0, 1],
      ['call_0123456789abcdef01234567', 0, 2, 2],
      ['call_ffffffffffffffffffffffff', 1, 2, 1],
    ];
    for (const [id, ofTwo, ofThree, ofFour] of pinned) {
      assert.deepEqual([bridgeInstanceFor(id, 2), bridgeInstanceFor(id, 3), bridgeInstanceFor(id, 4)], [ofTwo, ofThree, ofFour], id);
    }
  });

  it('spreads calls evenly over the instances', () => {
    const counts = [0, 0, 0];
    for (const id of callIds) counts[bridgeInstanceFor(id, 3)]++;
    for (const count of counts) assert.ok(count > 900 && count < 1100, `calls per instance: ${counts.join(', ')}`);
  });

  it("gives each call its instance's stream URL, and with one instance the one URL", () => {
    const two = loadConfig({ BRIDGE_INSTANCES: '2', BRIDGE_PORT: '4001' }).bridge;
    const urls = new Set(callIds.slice(0, 20).map((id) => streamUrlFor(two, id)));
    assert.deepEqual([...urls].sort(), ['ws://127.0.0.1:4001/media/0', 'ws://127.0.0.1:4002/media/1']);
    for (const id of callIds.slice(0, 20)) assert.equal(streamUrlFor(two, id), two.streamUrls[bridgeInstanceFor(id, 2)]);
    assert.equal(streamUrlFor(loadConfig({}).bridge, callIds[0]), 'ws://127.0.0.1:3001/media');
  });
});
