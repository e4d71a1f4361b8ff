import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GetObjectAclCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { startObjectStore, type RunningObjectStore } from './objectStore.js';

const CREDENTIALS = { accessKeyId: 'SANDBOXKEY', secretAccessKey: 'sandbox-secret' };

async function s3Failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  const err = await promise.then(() => assert.fail('expected the request to fail'), (e: unknown) => e);
  assert.ok(err instanceof S3ServiceException, `expected an S3 error, got ${String(err)}`);
  return err;
}

describe('object store authentication', () => {
  let store: RunningObjectStore;
  const clients: S3Client[] = [];
  const client = (credentials = CREDENTIALS, region = 'us-east-1') => {
    const made = new S3Client({ endpoint: store.url, region, forcePathStyle: true, credentials, maxAttempts: 1 });
    clients.push(made);
    return made;
  };
  before(async () => {
    store = await startObjectStore({ port: 0, ...CREDENTIALS, buckets: ['calls'] });
  });
  after(async () => {
    for (const made of clients) made.destroy();
    await store.close();
  });

  it('refuses a request signed with the wrong secret (SignatureDoesNotMatch) and stores nothing', async () => {
    const err = await s3Failure(client({ ...CREDENTIALS, secretAccessKey: 'not-the-secret' }).send(new PutObjectCommand({ Bucket: 'calls', Key: 'forged', Body: 'x' })));
    assert.equal(err.name, 'SignatureDoesNotMatch');
    assert.equal(err.$metadata.httpStatusCode, 403);
    const listed = await client().send(new ListObjectsV2Command({ Bucket: 'calls' }));
    assert.equal(listed.KeyCount, 0);
  });

  it('refuses an unknown access key (InvalidAccessKeyId)', async () => {
    const err = await s3Failure(client({ ...CREDENTIALS, accessKeyId: 'SOMEONEELSE' }).send(new GetObjectCommand({ Bucket: 'calls', Key: 'k' })));
    assert.equal(err.name, 'InvalidAccessKeyId');
    assert.equal(err.$metadata.httpStatusCode, 403);
  });

  it('refuses a request signed for another region', async () => {
    const err = await s3Failure(client(CREDENTIALS, 'eu-west-1').send(new ListObjectsV2Command({ Bucket: 'calls' })));
    assert.equal(err.name, 'AuthorizationHeaderMalformed');
    assert.match(err.message, /expecting 'us-east-1'/);
  });

  it('answers anonymous requests with an S3 XML AccessDenied error', async () => {
    const response = await fetch(`${store.url}/calls/some-key`);
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('content-type'), 'application/xml');
    const xml = await response.text();
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message>/);
    assert.match(xml, new RegExp(`<RequestId>${response.headers.get('x-amz-request-id')}</RequestId>`));
  });

  it('says plainly when an operation is outside what the stand-in implements', async () => {
    const err = await s3Failure(client().send(new GetObjectAclCommand({ Bucket: 'calls', Key: 'k' })));
    assert.equal(err.name, 'NotImplemented');
    assert.equal(err.$metadata.httpStatusCode, 501);
    assert.match(err.message, /"acl" query parameter/);
  });
});
