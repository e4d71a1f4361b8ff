import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { requestedSpan } from './byteRange.js';
import { checksumHeader } from './checksums.js';
import type { StoredObject } from './objectRepository.js';
import { readPayload } from './payload.js';
import { noSuchBucket, noSuchKey, notImplemented, S3Error } from './s3Error.js';
import { header, reply, type S3Exchange } from './s3Exchange.js';

const MAX_KEY_BYTES = 1024;
const USER_METADATA_PREFIX = 'x-amz-meta-';

export async function putObject(exchange: S3Exchange): Promise<void> {
  const { bucket, key, repository } = exchange;
  if (header(exchange, 'x-amz-copy-source') !== undefined) throw notImplemented('CopyObject (x-amz-copy-source)');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new S3Error(400, 'KeyTooLongError', 'Your key is too long', { MaxSizeAllowed: MAX_KEY_BYTES, Size: Buffer.byteLength(key) });
  if (!repository.bucketExists(bucket)) throw noSuchBucket(bucket);
  const { data, checksum } = await readPayload(exchange.request, exchange.payloadHash, exchange.maxObjectBytes);
  // aws-chunked only frames this upload; any other coding is part of the object, as S3 keeps it.
  const contentEncoding = (header(exchange, 'content-encoding') ?? '')
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding && coding !== 'aws-chunked')
    .join(',');
  const object: StoredObject = {
    key,
    size: data.length,
    etag: `"${createHash('md5').update(data).digest('hex')}"`,
    lastModified: new Date(Math.floor(Date.now() / 1000) * 1000),
    contentType: header(exchange, 'content-type') ?? 'binary/octet-stream',
    contentEncoding: contentEncoding || undefined,
    userMetadata: Object.fromEntries(
      Object.entries(exchange.request.headersDistinct)
        .filter(([name]) => name.startsWith(USER_METADATA_PREFIX))
        .map(([name, values]) => [name.slice(USER_METADATA_PREFIX.length), values?.join(',') ?? '']),
    ),
    checksum,
  };
  await repository.putObject(bucket, object, data);
  reply(exchange, 200, { etag: object.etag, ...checksumHeaders(object) });
}

/** GetObject, and HeadObject (the same answer without the body). */
export async function getObject(exchange: S3Exchange): Promise<void> {
  const { bucket, key, repository, response } = exchange;
  if (!repository.bucketExists(bucket)) throw noSuchBucket(bucket);
  const object = repository.getObject(bucket, key);
  if (!object) throw noSuchKey(key);
  const rangeHeader = header(exchange, 'range');
  const span = requestedSpan(rangeHeader, object.size);
  if (span === 'unsatisfiable') {
    throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable', { RangeRequested: rangeHeader ?? '', ActualObjectSize: object.size }, { 'content-range': `bytes */${object.size}` });
  }
  const headers: Record<string, string | number> = {
    'content-type': object.contentType,
    'content-length': span ? span.end - span.start + 1 : object.size,
    etag: object.etag,
    'last-modified': object.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    ...(object.contentEncoding ? { 'content-encoding': object.contentEncoding } : {}),
    ...Object.fromEntries(Object.entries(object.userMetadata).map(([name, value]) => [USER_METADATA_PREFIX + name, value])),
    ...(span ? { 'content-range': `bytes ${span.start}-${span.end}/${object.size}` } : {}),
    // S3 returns the stored checksum only when asked, and only for the whole object.
    ...(header(exchange, 'x-amz-checksum-mode') === 'ENABLED' && !span ? checksumHeaders(object) : {}),
  };
  if (exchange.request.method === 'HEAD') return reply(exchange, span ? 206 : 200, headers);
  const body = await repository.openBody(object, span);
  if (!body) throw noSuchKey(key);
  response.writeHead(span ? 206 : 200, headers);
  await pipeline(body, response);
}

export async function deleteObject(exchange: S3Exchange): Promise<void> {
  if (!exchange.repository.bucketExists(exchange.bucket)) throw noSuchBucket(exchange.bucket);
  await exchange.repository.deleteObject(exchange.bucket, exchange.key);
  reply(exchange, 204, {});
}

function checksumHeaders(object: StoredObject): Record<string, string> {
  if (!object.checksum) return {};
  return { [checksumHeader(object.checksum.algorithm)]: object.checksum.value, 'x-amz-checksum-type': 'FULL_OBJECT' };
}
