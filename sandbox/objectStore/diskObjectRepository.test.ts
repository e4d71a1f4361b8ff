import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startObjectStore } from './objectStore.js';

const CREDENTIALS = { accessKeyId: 'SANDBOXKEY', secretAccessKey: 'sandbox-secret' };

describe('object store with a data directory', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps buckets and objects across a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'object-store-'));
    dirs.push(dataDir);
    const run = async (work: (s3: S3Client) => Promise<void>) => {
      const store = await startObjectStore({ port: 0, ...CREDENTIALS, dataDir, buckets: ['calls'] });
      const s3 = new S3Client({ endpoint: store.url, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS, maxAttempts: 1 });
      try {
        await work(s3);
      } finally {
        s3.destroy();
        await store.close();
      }
    };

    await run(async (s3) => {
      await s3.send(new PutObjectCommand({ Bucket: 'calls', Key: 'kept', Body: 'first version', ContentType: 'text/plain' }));
      await s3.send(new PutObjectCommand({ Bucket: 'calls', Key: 'kept', Body: 'second version', ContentType: 'text/plain' }));
      await s3.send(new PutObjectCommand({ Bucket: 'calls', Key: 'dropped', Body: 'gone soon' }));
      await s3.send(new DeleteObjectCommand({ Bucket: 'calls', Key: 'dropped' }));
    });
    await run(async (s3) => {
      const got = await s3.send(new GetObjectCommand({ Bucket: 'calls', Key: 'kept' }));
      assert.equal(await got.Body!.transformToString(), 'second version');
      assert.equal(got.ContentType, 'text/plain');
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'calls' }));
      assert.deepEqual(listed.Contents?.map((o) => o.Key), ['kept']);
      const ranged = await s3.send(new GetObjectCommand({ Bucket: 'calls', Key: 'kept', Range: 'bytes=0-5' }));
      assert.equal(await ranged.Body!.transformToString(), 'second');
    });
  });
});
