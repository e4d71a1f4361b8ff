import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedCert } from './selfSignedCert.js';

test('creates a certificate for localhost and 127.0.0.1 once, then reuses it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'voice-engine-cert-'));
  try {
    const first = await selfSignedCert(join(dir, 'nested'));
    const cert = new X509Certificate(first.cert);
    assert.equal(cert.checkHost('localhost'), 'localhost');
    assert.equal(cert.checkIP('127.0.0.1'), '127.0.0.1');
    assert.ok(cert.checkPrivateKey(createPrivateKey(first.key)));
    assert.equal(readFileSync(first.certPath, 'utf8'), first.cert);

    const second = await selfSignedCert(join(dir, 'nested'));
    assert.deepEqual(second, first);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
