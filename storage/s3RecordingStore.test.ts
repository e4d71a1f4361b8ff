import assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startObjectStore, type RunningObjectStore } from '../sandbox/objectStore/objectStore.js';
import { RangeNotSatisfiableError, recordingKey } from './recordingStore.js';
import { s3RecordingStore, type S3RecordingStoreOptions } from './s3RecordingStore.js';

const CREDENTIALS = { accessKeyId: 'SANDBOXKEY', secretAccessKey: 'sandbox-secret' };

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('S3 recording store, against the sandbox object store', () => {
  let objectStore: RunningObjectStore;
  let options: S3RecordingStoreOptions;
  before(async () => {
    objectStore = await startObjectStore({ port: 0, ...CREDENTIALS, buckets: ['call-recordings'] });
    options = { endpoint: objectStore.url, region: 'us-east-1', bucket: 'call-recordings', forcePathStyle: true, ...CREDENTIALS };
  });
  after(async () => {
    await objectStore.close();
  });

  it('saves a recording as s3://bucket/recordings/<callId>/<sid>.wav and plays it back whole or in part', async () => {
    const store = s3RecordingStore(options);
    const wav = Buffer.alloc(48_000, 0x7f);
    wav.write('RIFF', 0);
    const location = await store.save(recordingKey('call_abc', 'RE123'), wav);
    assert.equal(location, 's3://call-recordings/recordings/call_abc/RE123.wav');

    const whole = await store.open(location);
    assert.ok(whole);
    assert.deepEqual({ bytes: whole.bytes, totalBytes: whole.totalBytes, range: whole.range }, { bytes: wav.length, totalBytes: wav.length, range: null });
    assert.deepEqual(await bytesOf(whole.body), wav);

    const part = await store.open(location, { start: 100, end: 199 });
    assert.deepEqual({ bytes: part?.bytes, totalBytes: part?.totalBytes, range: part?.range }, { bytes: 100, totalBytes: wav.length, range: { start: 100, end: 199 } });
    assert.deepEqual(await bytesOf(part!.body), wav.subarray(100, 200));

    await assert.rejects(store.open(location, { start: wav.length }), (err: unknown) => err instanceof RangeNotSatisfiableError && err.totalBytes === wav.length);
  });

  it('stores recordings as audio/wav', async () => {
    await s3RecordingStore(options).save(recordingKey('call_type', 'RE1'), Buffer.from('RIFF'));
    const s3 = new S3Client({ endpoint: objectStore.url, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'call-recordings', Key: 'recordings/call_type/RE1.wav' }));
    s3.destroy();
    assert.equal(head.ContentType, 'audio/wav');
  });

  it('reports a recording that is not in the bucket as missing', async () => {
    assert.equal(await s3RecordingStore(options).open('s3://call-recordings/recordings/call_x/RE404.wav'), null);
  });

  it('fails with a message naming the bucket and key when S3 refuses', async () => {
    const wrongSecret = s3RecordingStore({ ...options, secretAccessKey: 'not-the-secret' });
    await assert.rejects(
      wrongSecret.save(recordingKey('call_abc', 'RE9'), Buffer.from('RIFF')),
      /could not store the recording s3:\/\/call-recordings\/recordings\/call_abc\/RE9\.wav: SignatureDoesNotMatch \(HTTP 403\)/,
    );
    await assert.rejects(
      s3RecordingStore({ ...options, bucket: 'missing-bucket' }).open('s3://missing-bucket/recordings/call_abc/RE1.wav'),
      /could not read the recording s3:\/\/missing-bucket\/recordings\/call_abc\/RE1\.wav: NoSuchBucket \(HTTP 404\)/,
    );
    await assert.rejects(s3RecordingStore(options).open('/var/recordings/x.wav'), /not an S3 recording location/);
  });

  it('describes where recordings go', () => {
    assert.equal(s3RecordingStore(options).describe(), `S3 bucket call-recordings at ${objectStore.url}`);
  });
});
