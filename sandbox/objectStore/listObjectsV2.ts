import type { StoredObject } from './objectRepository.js';
import { invalidArgument, xmlEscape } from './s3Error.js';

export interface ListQuery {
  prefix: string;
  delimiter: string | undefined;
  maxKeys: number;
  startAfter: string | undefined;
  continuationToken: string | undefined;
  urlEncoded: boolean;
}

const MAX_KEYS = 1000;

export function parseListQuery(query: Map<string, string>): ListQuery {
  const maxKeysText = query.get('max-keys');
  const maxKeys = maxKeysText === undefined ? MAX_KEYS : Number(maxKeysText);
  if (!/^\d+$/.test(maxKeysText ?? '0') || !Number.isSafeInteger(maxKeys)) {
    throw invalidArgument('max-keys', maxKeysText ?? '', 'Provided max-keys not an integer or within integer range');
  }
  const encodingType = query.get('encoding-type');
  if (encodingType !== undefined && encodingType !== 'url') throw invalidArgument('encoding-type', encodingType, 'Invalid Encoding Method specified in Request');
  return {
    prefix: query.get('prefix') ?? '',
    delimiter: query.get('delimiter') || undefined,
    maxKeys: Math.min(maxKeys, MAX_KEYS),
    startAfter: query.get('start-after') || undefined,
    continuationToken: query.get('continuation-token'),
    urlEncoded: encodingType === 'url',
  };
}

/** The ListObjectsV2 result page for `query` over a bucket's objects (in key order), as S3's XML. */
export function listObjectsV2Xml(bucket: string, objects: StoredObject[], query: ListQuery): string {
  const resumeAfter = query.continuationToken !== undefined ? decodeToken(query.continuationToken) : query.startAfter !== undefined ? { key: query.startAfter, isPrefix: false } : undefined;
  const contents: StoredObject[] = [];
  const commonPrefixes: string[] = [];
  let last: ResumePoint | undefined;
  let truncated = false;
  for (const object of objects) {
    const { key } = object;
    if (!key.startsWith(query.prefix)) continue;
    if (resumeAfter && (compareUtf8(key, resumeAfter.key) <= 0 || (resumeAfter.isPrefix && key.startsWith(resumeAfter.key)))) continue;
    const delimiterAt = query.delimiter ? key.indexOf(query.delimiter, query.prefix.length) : -1;
    const commonPrefix = delimiterAt === -1 ? undefined : key.slice(0, delimiterAt + query.delimiter!.length);
    if (commonPrefix !== undefined && commonPrefixes.at(-1) === commonPrefix) continue;
    if (contents.length + commonPrefixes.length === query.maxKeys) {
      truncated = true;
      break;
    }
    if (commonPrefix === undefined) contents.push(object);
    else commonPrefixes.push(commonPrefix);
    last = { key: commonPrefix ?? key, isPrefix: commonPrefix !== undefined };
  }

  const text = (value: string) => xmlEscape(query.urlEncoded ? urlEncode(value) : value);
  const element = (name: string, value: string | number | boolean | undefined) => (value === undefined ? '' : `<${name}>${value}</${name}>`);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    element('Name', xmlEscape(bucket)) +
    element('Prefix', text(query.prefix)) +
    element('Delimiter', query.delimiter === undefined ? undefined : text(query.delimiter)) +
    element('StartAfter', query.startAfter === undefined ? undefined : text(query.startAfter)) +
    element('ContinuationToken', query.continuationToken === undefined ? undefined : xmlEscape(query.continuationToken)) +
    element('MaxKeys', query.maxKeys) +
    element('EncodingType', query.urlEncoded ? 'url' : undefined) +
    element('KeyCount', contents.length + commonPrefixes.length) +
    element('IsTruncated', truncated) +
    element('NextContinuationToken', truncated && last ? encodeToken(last) : undefined) +
    contents
      .map(
        (object) =>
          '<Contents>' +
          element('Key', text(object.key)) +
          element('LastModified', object.lastModified.toISOString()) +
          element('ETag', xmlEscape(object.etag)) +
          (object.checksum ? element('ChecksumAlgorithm', object.checksum.algorithm) + element('ChecksumType', 'FULL_OBJECT') : '') +
          element('Size', object.size) +
          element('StorageClass', 'STANDARD') +
          '</Contents>',
      )
      .join('') +
    commonPrefixes.map((prefix) => `<CommonPrefixes>${element('Prefix', text(prefix))}</CommonPrefixes>`).join('') +
    '</ListBucketResult>'
  );
}

/** Where the previous page stopped: its last key, or its last common prefix (then everything under it is done). */
interface ResumePoint {
  key: string;
  isPrefix: boolean;
}

function encodeToken(point: ResumePoint): string {
  return Buffer.from(JSON.stringify(point)).toString('base64url');
}

function decodeToken(token: string): ResumePoint {
  try {
    const point = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ResumePoint;
    if (typeof point.key === 'string' && typeof point.isPrefix === 'boolean') return point;
  } catch {
    // not a token this store issued: answered below like any other
  }
  throw invalidArgument('continuation-token', token, 'The continuation token provided is incorrect');
}

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

// S3's encoding-type=url is form encoding: spaces as "+", "/" kept.
function urlEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+').replace(/%2F/g, '/');
}
