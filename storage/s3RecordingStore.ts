import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { assertValidRange, RangeNotSatisfiableError, type RecordingStore } from './recordingStore.js';

export interface S3RecordingStoreOptions {
  /** An S3-compatible service's URL (MinIO, R2, the sandbox's object store); AWS S3 when absent. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Address buckets as `endpoint/bucket` rather than `bucket.endpoint` (most S3-compatible services need it). */
  forcePathStyle: boolean;
}

const CONNECT_TIMEOUT_MS = 10_000;
const IDLE_SOCKET_TIMEOUT_MS = 60_000;

/** Recordings as objects in an S3 bucket; a location is `s3://bucket/key`. */
export function s3RecordingStore(options: S3RecordingStoreOptions): RecordingStore {
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: IDLE_SOCKET_TIMEOUT_MS },
  });

  return {
    async save(key, wav) {
      const location = `s3://${options.bucket}/${key}`;
      try {
        await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: wav, ContentType: 'audio/wav' }));
      } catch (err) {
        throw failure('store', location, err);
      }
      return location;
    },

    async open(location, range) {
      const { bucket, key } = parseLocation(location);
      if (range) assertValidRange(range);
      let output;
      try {
        output = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined }));
      } catch (err) {
        if (errorCode(err) === 'NoSuchKey') return null;
        if (errorCode(err) === 'InvalidRange') {
          const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).catch((headErr: unknown) => {
            if (errorCode(headErr) === 'NotFound') return null;
            throw failure('read', location, headErr);
          });
          if (!head) return null;
          throw new RangeNotSatisfiableError(head.ContentLength ?? 0);
        }
        throw failure('read', location, err);
      }
      if (!(output.Body instanceof Readable)) throw new Error(`reading ${location}: the S3 client returned no readable body`);
      const bytes = output.ContentLength ?? 0;
      const contentRange = output.ContentRange ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(output.ContentRange) : null;
      return {
        body: output.Body,
        bytes,
        totalBytes: contentRange ? Number(contentRange[3]) : bytes,
        range: contentRange ? { start: Number(contentRange[1]), end: Number(contentRange[2]) } : null,
      };
    },

    describe: () => `S3 bucket ${options.bucket} at ${options.endpoint ?? `AWS ${options.region}`}`,
  };
}

function parseLocation(location: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (!m) throw new Error(`"${location}" is not an S3 recording location (s3://bucket/key)`);
  return { bucket: m[1], key: m[2] };
}

function errorCode(err: unknown): string | undefined {
  return err instanceof S3ServiceException ? err.name : undefined;
}

function failure(action: 'store' | 'read', location: string, err: unknown): Error {
  const status = err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;
  const reason = err instanceof Error ? `${err.name}${status ? ` (HTTP ${status})` : ''}: ${err.message}` : String(err);
  return new Error(`could not ${action} the recording ${location}: ${reason}`, { cause: err });
}
