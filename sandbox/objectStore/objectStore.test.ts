import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command,
  PutObjectCommand, S3Client, S3ServiceException,
} from '@aws-sdk/client-s3';
import { startObjectStore, type RunningObjectStore } from './objectStore.js';

const CREDENTIALS = { accessKeyId: 'SANDBOXKEY', secretAccessKey: 'sandbox-secret' };

function clientFor(store: RunningObjectStore, overrides: Partial<ConstructorParameters<typeof S3Client>[0]> = {}): S3Client {
  return new S3Client({ endpoint: store.url, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS, maxAttempts: 1, ...overrides });
}

async function s3Failure(promise: Promise<unknown>): Promise<{ name: string; status: number | undefined }> {
  const err = await promise.then(() => assert.fail('expected the request to fail'), (e: unknown) => e);
  assert.ok(err instanceof S3ServiceException, `expected an S3 error, got ${String(err)}`);
  return { name: err.name, status: err.$metadata.httpStatusCode };
}

describe('object store, through the official S3 client', () => {
  let store: RunningObjectStore;
  let s3: S3Client;
  before(async () => {
    store = await startObjectStore({ port: 0, ...CREDENTIALS, buckets: ['calls'] });
    s3 = clientFor(store);
  });
  after(async () => {
    s3.destroy();
    await store.close();
  });

  it('stores, describes, lists and deletes an object', async () => {
    const wav = Buffer.from('RIFF....WAVEfmt a recording');
    const put = await s3.send(new PutObjectCommand({ Bucket: 'calls', Key: 'recordings/c1/RE1.wav', Body: wav, ContentType: 'audio/wav', Metadata: { caller: 'jane' } }));
    const md5 = `"${createHash('md5').update(wav).digest('hex')}"`;
    assert.equal(put.ETag, md5);
    assert.ok(put.ChecksumCRC32, 'the CRC32 the client sent is confirmed');

    const got = await s3.send(new GetObjectCommand({ Bucket: 'calls', Key: 'recordings/c1/RE1.wav' }));
    assert.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), wav);
    assert.equal(got.ContentType, 'audio/wav');
    assert.equal(got.ETag, md5);
    assert.deepEqual(got.Metadata, { caller: 'jane' });
    assert.ok(got.LastModified instanceof Date && Math.abs(got.LastModified.getTime() - Date.now()) < 60_000);

    const head = await s3.send(new HeadObjectCommand({ Bucket: 'calls', Key: 'recordings/c1/RE1.wav' }));
    assert.equal(head.ContentLength, wav.length);
    assert.equal(head.ETag, md5);

    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'calls', Prefix: 'recordings/c1/' }));
    assert.deepEqual(listed.Contents?.map((o) => [o.Key, o.Size, o.ETag]), [['recordings/c1/RE1.wav', wav.length, md5]]);

    await s3.send(new DeleteObjectCommand({ Bucket: 'calls', Key: 'recordings/c1/RE1.wav' }));
    assert.equal((await s3Failure(s3.send(new GetObjectCommand({ Bucket: 'calls', Key: 'recordings/c1/RE1.wav' })))).name, 'NoSuchKey');
    assert.equal((await s3.send(new ListObjectsV2Command({ Bucket: 'calls', Prefix: 'recordings/c1/' }))).KeyCount, 0);
  });

  it('serves byte ranges, and refuses a range past the end with InvalidRange', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'calls', Key: 'digits', Body: '0123456789' }));
    const middle = await s3.send(new GetObjectCommand({ Bucket: 'calls', Key: 'digits', Range: 'bytes=2-5' }));
    assert.equal(middle.$metadata.httpStatusCode, 206);
    assert.equal(middle.ContentRange, 'bytes 2-5/10');
    assert.equal(await middle.Body!.transformToString(), '2345');
    const tail = await s3.send(new GetObjectCommand({ Bucket: 'calls', Key: 'digits', Range: 'bytes=-3' }));
    assert.equal(await tail.Body!.transformToString(), '789');
    const clamped = await s3.send(new GetObjectCommand({ Bucket: 'calls', Key: 'digits', Range: 'bytes=8-100' }));
    assert.equal(clamped.ContentRange, 'bytes 8-9/10');
    assert.equal(await clamped.Body!.transformToString(), '89');
    assert.deepEqual(await s3Failure(s3.send(new GetObjectCommand({ Bucket: 'calls', Key: 'digits', Range: 'bytes=10-' }))), { name: 'InvalidRange', status: 416 });
  });

  it('answers unknown keys and buckets with S3 errors', async () => {
    assert.deepEqual(await s3Failure(s3.send(new GetObjectCommand({ Bucket: 'calls', Key: 'nothing-here' }))), { name: 'NoSuchKey', status: 404 });
    assert.equal((await s3Failure(s3.send(new HeadObjectCommand({ Bucket: 'calls', Key: 'nothing-here' })))).status, 404);
    assert.deepEqual(await s3Failure(s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'k' }))), { name: 'NoSuchBucket', status: 404 });
    assert.deepEqual(await s3Failure(s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket', Key: 'k', Body: 'x' }))), { name: 'NoSuchBucket', status: 404 });
    assert.equal((await s3Failure(s3.send(new HeadBucketCommand({ Bucket: 'no-such-bucket' })))).status, 404);
  });

  it('creates buckets once', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'fresh-bucket' }));
    assert.equal((await s3.send(new HeadBucketCommand({ Bucket: 'fresh-bucket' }))).BucketRegion, 'us-east-1');
    assert.deepEqual(await s3Failure(s3.send(new CreateBucketCommand({ Bucket: 'fresh-bucket' }))), { name: 'BucketAlreadyOwnedByYou', status: 409 });
    assert.deepEqual(await s3Failure(s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name' }))), { name: 'InvalidBucketName', status: 400 });
  });

  it('accepts a streamed upload (aws-chunked with a CRC32 trailer) and keeps its bytes intact', async () => {
    const parts = [Buffer.alloc(70_000, 1), Buffer.alloc(5, 2), Buffer.alloc(30_000, 3)];
    const whole = Buffer.concat(parts);
    await s3.send(new PutObjectCommand({ Bucket: 'calls', Key: 'streamed', Body: Readable.from(parts), ContentLength: whole.length }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'calls', Key: 'streamed' }));
    assert.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), whole);
  });

  it('rejects a body whose checksum does not match with BadDigest', async () => {
    const wrongCrc = await s3Failure(s3.send(new PutObjectCommand({ Bucket: 'calls', Key: 'corrupt', Body: 'payload', ChecksumCRC32: 'AAAAAA==' })));
    assert.deepEqual(wrongCrc, { name: 'BadDigest', status: 400 });
    assert.equal((await s3Failure(s3.send(new HeadObjectCommand({ Bucket: 'calls', Key: 'corrupt' })))).status, 404);
  });

  it('lists with a delimiter and pages through keys and common prefixes', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'listing' }));
    const keys = ['a/1', 'a/2', 'b', 'c/1', 'c/2', 'd', 'e f+g'];
    for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: 'listing', Key: key, Body: key }));

    const grouped = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Delimiter: '/' }));
    assert.deepEqual(grouped.CommonPrefixes?.map((p) => p.Prefix), ['a/', 'c/']);
    assert.deepEqual(grouped.Contents?.map((o) => o.Key), ['b', 'd', 'e f+g']);

    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Delimiter: '/', MaxKeys: 2, ContinuationToken: token }));
      pages.push([...(page.CommonPrefixes ?? []).map((p) => p.Prefix!), ...(page.Contents ?? []).map((o) => o.Key!)]);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    assert.deepEqual(pages, [['a/', 'b'], ['c/', 'd'], ['e f+g']]);

    const after = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', StartAfter: 'c/1' }));
    assert.deepEqual(after.Contents?.map((o) => o.Key), ['c/2', 'd', 'e f+g']);
    const encoded = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Prefix: 'e', EncodingType: 'url' }));
    assert.deepEqual(encoded.Contents?.map((o) => decodeURIComponent(o.Key!.replace(/\+/g, ' '))), ['e f+g']);
  });

  it('addresses buckets virtual-hosted style (bucket.localhost)', async () => {
    // Resolves every name to this machine, as DNS would for a wildcard record.
    const resolved: string[] = [];
    const lookup: LookupFunction = (hostname, options, callback) => {
      resolved.push(hostname);
      if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    };
    const httpAgent = new Agent({ lookup });
    const virtual = clientFor(store, { endpoint: `http://localhost:${store.port}`, forcePathStyle: false, requestHandler: { httpAgent } });
    await virtual.send(new PutObjectCommand({ Bucket: 'calls', Key: 'virtual/key', Body: 'hosted' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'calls', Key: 'virtual/key' }));
    assert.equal(await got.Body!.transformToString(), 'hosted');
    assert.deepEqual([...new Set(resolved)], ['calls.localhost']);
    virtual.destroy();
    httpAgent.destroy();
  });
});
