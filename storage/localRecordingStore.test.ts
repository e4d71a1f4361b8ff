import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { localRecordingStore } from './localRecordingStore.js';
import { RangeNotSatisfiableError, recordingKey } from './recordingStore.js';

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('local recording store', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'recordings-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('saves a recording under the call and plays it back whole or in part', async () => {
    const store = localRecordingStore(dataDir);
    const wav = Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt dual-channel audio');
    const location = await store.save(recordingKey('call_abc', 'RE123'), wav);
    assert.equal(location, path.join(dataDir, 'recordings', 'call_abc', 'RE123.wav'));
    assert.deepEqual(await readdir(path.join(dataDir, 'recordings', 'call_abc')), ['RE123.wav']);

    const whole = await store.open(location);
    assert.ok(whole);
    assert.equal(whole.bytes, wav.length);
    assert.equal(whole.range, null);
    assert.deepEqual(await bytesOf(whole.body), wav);

    const part = await store.open(location, { start: 4, end: 7 });
    assert.deepEqual({ bytes: part?.bytes, totalBytes: part?.totalBytes, range: part?.range }, { bytes: 4, totalBytes: wav.length, range: { start: 4, end: 7 } });
    assert.deepEqual(await bytesOf(part!.body), wav.subarray(4, 8));

    const rest = await store.open(location, { start: 12 });
    assert.deepEqual(await bytesOf(rest!.body), wav.subarray(12));
    await assert.rejects(store.open(location, { start: wav.length }), (err: unknown) => err instanceof RangeNotSatisfiableError && err.totalBytes === wav.length);
  });

  it('still plays recordings saved before stores existed (<dataDir>/recordings/<callId>.wav)', async () => {
    const legacy = path.join(dataDir, 'recordings', 'call_old.wav');
    await mkdir(path.dirname(legacy), { recursive: true });
    await writeFile(legacy, 'old recording');
    const opened = await localRecordingStore(dataDir).open(legacy);
    assert.equal((await bytesOf(opened!.body)).toString(), 'old recording');
  });

  it('reports a recording whose file is gone as missing', async () => {
    assert.equal(await localRecordingStore(dataDir).open(path.join(dataDir, 'recordings', 'nobody', 'RE0.wav')), null);
  });

  it('refuses keys and ids that would escape the recordings folder', async () => {
    await assert.rejects(localRecordingStore(dataDir).save('../outside.wav', Buffer.from('x')), /points outside/);
    assert.throws(() => recordingKey('../etc', 'RE1'), /call id "\.\.\/etc" cannot name a recording/);
    assert.throws(() => recordingKey('call_1', 'RE/1'), /recording sid/);
  });
});
