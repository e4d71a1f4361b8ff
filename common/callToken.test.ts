import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signCallToken, verifyCallToken } from './callToken.js';

const SECRET = 'a-secret-of-enough-length';

describe('call tokens', () => {
  it('accepts a token for the call it was issued for', () => {
    assert.equal(verifyCallToken(SECRET, 'call_1', signCallToken(SECRET, 'call_1')), true);
  });

  it('rejects another call, another secret, tampering and expiry', () => {
    const token = signCallToken(SECRET, 'call_1', 60, 1_000_000);
    assert.equal(verifyCallToken(SECRET, 'call_2', token, 1_000_000), false);
    assert.equal(verifyCallToken('another-secret-entirely', 'call_1', token, 1_000_000), false);
    assert.equal(verifyCallToken(SECRET, 'call_1', token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 1_000_000), false);
    assert.equal(verifyCallToken(SECRET, 'call_1', token, 1_000_000 + 61_000), false);
    assert.equal(verifyCallToken(SECRET, 'call_1', 'garbage', 1_000_000), false);
  });
});
