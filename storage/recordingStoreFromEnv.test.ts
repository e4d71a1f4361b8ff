import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { ConfigError } from '../common/config.js';
import { startObjectStore, type RunningObjectStore } from '../sandbox/objectStore/objectStore.js';
import { localRecordingStore } from './localRecordingStore.js';
import { recordingKey } from './recordingStore.js';
import { recordingStoreFromEnv } from './recordingStoreFromEnv.js';

const CREDENTIALS = { accessKeyId: 'SANDBOXKEY', secretAccessKey: 'sandbox-secret' };
const S3_ENV = { S3_BUCKET: 'call-recordings', S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey };

async function textOf(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

function configProblems(env: NodeJS.ProcessEnv): string[] {
  try {
    recordingStoreFromEnv(env, '/srv/data');
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return err.problems;
  }
  assert.fail('expected the configuration to be refused');
}

describe('recording store from the environment', () => {
  let dataDir: string;
  let objectStore: RunningObjectStore;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'recordings-env-'));
    objectStore = await startObjectStore({ port: 0, ...CREDENTIALS, buckets: ['call-recordings'] });
  });
  after(async () => {
    await objectStore.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps recordings in the data directory when no bucket is configured', () => {
    assert.equal(recordingStoreFromEnv({}, '/srv/data').describe(), 'local directory /srv/data');
    assert.equal(recordingStoreFromEnv({ S3_BUCKET: '', S3_ENDPOINT: '' }, '/srv/data').describe(), 'local directory /srv/data');
  });

  it('uses the bucket when S3_BUCKET and credentials are set, and still plays older local recordings', async () => {
    const store = recordingStoreFromEnv({ ...S3_ENV, S3_ENDPOINT: objectStore.url }, dataDir);
    assert.equal(store.describe(), `S3 bucket call-recordings at ${objectStore.url}`);
    const location = await store.save(recordingKey('call_env', 'RE1'), Buffer.from('in the bucket'));
    assert.equal(location, 's3://call-recordings/recordings/call_env/RE1.wav');
    assert.equal(await textOf((await store.open(location))!.body), 'in the bucket');

    const older = await localRecordingStore(dataDir).save(recordingKey('call_old', 'RE0'), Buffer.from('on disk'));
    assert.equal(await textOf((await store.open(older))!.body), 'on disk');
  });

  it('defaults to AWS us-east-1 without an endpoint', () => {
    assert.equal(recordingStoreFromEnv(S3_ENV, '/srv/data').describe(), 'S3 bucket call-recordings at AWS us-east-1');
    assert.equal(recordingStoreFromEnv({ ...S3_ENV, S3_REGION: 'eu-central-1' }, '/srv/data').describe(), 'S3 bucket call-recordings at AWS eu-central-1');
  });

  it('refuses a partial S3 configuration, naming what is missing', () => {
    assert.deepEqual(configProblems({ S3_BUCKET: 'call-recordings' }), ['S3_ACCESS_KEY_ID: required when S3_BUCKET is set', 'S3_SECRET_ACCESS_KEY: required when S3_BUCKET is set']);
    assert.deepEqual(configProblems({ ...S3_ENV, S3_SECRET_ACCESS_KEY: undefined }), ['S3_SECRET_ACCESS_KEY: required when S3_BUCKET is set']);
    const [problem] = configProblems({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'key' });
    assert.match(problem, /^S3_BUCKET: required when S3_ENDPOINT, S3_ACCESS_KEY_ID are set/);
  });

  it('refuses invalid values, naming the variable', () => {
    assert.match(configProblems({ ...S3_ENV, S3_ENDPOINT: 'not a url' }).join('\n'), /^S3_ENDPOINT: expected a URL/);
    assert.match(configProblems({ ...S3_ENV, S3_FORCE_PATH_STYLE: 'yes' }).join('\n'), /^S3_FORCE_PATH_STYLE: expected true or false \(got "yes"\)/);
    assert.match(configProblems({ ...S3_ENV, S3_BUCKET: 'My_Bucket' }).join('\n'), /^S3_BUCKET: expected an S3 bucket name/);
    assert.match(configProblems({ ...S3_ENV, S3_REGION: 'us east' }).join('\n'), /^S3_REGION: expected a region/);
  });
});
