import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../common/logger.js';
import { isValidBucketName } from './bucketName.js';
import { diskObjectRepository } from './diskObjectRepository.js';
import { memoryObjectRepository } from './objectRepository.js';
import { s3Handler } from './s3Handler.js';

export interface ObjectStoreOptions {
  host?: string;
  /** 0 picks a free port. */
  port: number;
  accessKeyId: string;
  secretAccessKey: string;
  /** Keeps buckets and objects on disk there (they survive a restart); in memory when absent. */
  dataDir?: string;
  /** Buckets created at start if missing. */
  buckets?: string[];
  /** The region requests must be signed for (default us-east-1). */
  region?: string;
  /** `<bucket>.<domain>` hosts address buckets virtual-hosted style (default "localhost"). */
  virtualHostDomain?: string;
  /** Largest object accepted by PutObject (default 1 GiB). */
  maxObjectBytes?: number;
}

export interface RunningObjectStore {
  /** The endpoint for S3 clients, e.g. http://127.0.0.1:9000 */
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_MAX_OBJECT_BYTES = 1024 ** 3;

/**
 * A local stand-in for Amazon S3 speaking its REST protocol: CreateBucket, HeadBucket, ListObjectsV2,
 * PutObject, GetObject (ranges), HeadObject and DeleteObject, path-style or virtual-hosted, every request
 * verified with Signature Version 4. Point the official client at it with `endpoint: store.url`.
 */
export async function startObjectStore(options: ObjectStoreOptions): Promise<RunningObjectStore> {
  const host = options.host ?? '127.0.0.1';
  const invalid = (options.buckets ?? []).filter((name) => !isValidBucketName(name));
  if (invalid.length) throw new Error(`invalid bucket names: ${invalid.join(', ')} (S3 bucket naming rules)`);
  const repository = options.dataDir ? await diskObjectRepository(options.dataDir) : memoryObjectRepository();
  for (const bucket of options.buckets ?? []) await repository.createBucket(bucket);

  const server = createServer(
    s3Handler({
      repository,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      region: options.region ?? 'us-east-1',
      virtualHostDomain: options.virtualHostDomain ?? 'localhost',
      maxObjectBytes: options.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES,
      log: createLogger('object-store'),
    }),
  );
  server.listen(options.port, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    async close() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
