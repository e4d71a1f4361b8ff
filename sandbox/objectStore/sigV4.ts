import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { uriEncode, type RequestTarget } from './requestTarget.js';
import { S3Error } from './s3Error.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignedRequest {
  method: string;
  target: RequestTarget;
  /** Header values by lowercase name, repeated headers kept apart (node's `headersDistinct`). */
  headers: Record<string, string[] | undefined>;
}

export interface SignatureCheck {
  credentials: Credentials;
  region: string;
  now: Date;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const SERVICE = 's3';
const MAX_CLOCK_SKEW_MS = 15 * 60_000;
const PAYLOAD_HASH_TOKENS = new Set([
  'UNSIGNED-PAYLOAD',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
]);

/**
 * Verifies an AWS Signature Version 4 `Authorization` header the way S3 does, failing with the error S3
 * would send. Returns the declared `x-amz-content-sha256`: the body is checked against it once read.
 */
export function verifySignature(request: SignedRequest, check: SignatureCheck): string {
  const header = single(request.headers, 'authorization');
  if (!header) {
    if (request.target.query.some(([name]) => name === 'X-Amz-Signature')) throw new S3Error(501, 'NotImplemented', 'Presigned URLs are not implemented by this S3 stand-in.');
    throw new S3Error(403, 'AccessDenied', 'Access Denied');
  }
  const auth = parseAuthorization(header);
  if (auth.accessKeyId !== check.credentials.accessKeyId) {
    throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: auth.accessKeyId });
  }
  if (auth.region !== check.region) {
    throw new S3Error(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; the region '${auth.region}' is wrong; expecting '${check.region}'`, { Region: check.region });
  }
  if (auth.service !== SERVICE || auth.terminator !== 'aws4_request') {
    throw malformed(`incorrect service or terminator in the credential scope '${auth.scope}'`);
  }
  const amzDate = single(request.headers, 'x-amz-date') ?? '';
  const requestTime = parseAmzDate(amzDate);
  if (!requestTime) throw new S3Error(403, 'AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
  if (auth.date !== amzDate.slice(0, 8)) throw malformed('Invalid credential date. Date is not the same as X-Amz-Date.');
  if (Math.abs(requestTime.getTime() - check.now.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw new S3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', {
      RequestTime: amzDate, ServerTime: check.now.toISOString(), MaxAllowedSkewMilliseconds: MAX_CLOCK_SKEW_MS,
    });
  }
  const payloadHash = single(request.headers, 'x-amz-content-sha256');
  if (!payloadHash) throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  if (!PAYLOAD_HASH_TOKENS.has(payloadHash) && !/^[0-9a-f]{64}$/.test(payloadHash)) {
    throw new S3Error(400, 'InvalidArgument', 'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, or a valid sha256 value.', {
      ArgumentName: 'x-amz-content-sha256', ArgumentValue: payloadHash,
    });
  }
  if (!auth.signedHeaders.includes('host')) throw malformed('SignedHeaders must include host');
  const unsigned = Object.keys(request.headers).filter((name) => name.startsWith('x-amz-') && !auth.signedHeaders.includes(name));
  if (unsigned.length) {
    throw new S3Error(403, 'AccessDenied', 'There were headers present in the request which were not signed', { HeadersNotSigned: unsigned.join(', ') });
  }

  const canonical = canonicalRequest(request, auth.signedHeaders, payloadHash);
  const toSign = [ALGORITHM, amzDate, auth.scope, sha256Hex(canonical)].join('\n');
  const expected = createHmac('sha256', signingKey(check.credentials.secretAccessKey, auth.date, auth.region)).update(toSign).digest();
  const provided = Buffer.from(auth.signature, 'hex');
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) {
    throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', {
      AWSAccessKeyId: auth.accessKeyId, StringToSign: toSign, SignatureProvided: auth.signature, CanonicalRequest: canonical,
    });
  }
  return payloadHash;
}

export function canonicalRequest(request: SignedRequest, signedHeaders: string[], payloadHash: string): string {
  const names = [...signedHeaders].sort();
  const query = request.target.query
    .map(([name, value]) => [uriEncode(name), uriEncode(value)])
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return [
    request.method,
    '/' + request.target.segments.map(uriEncode).join('/'),
    query,
    names.map((name) => `${name}:${(request.headers[name] ?? []).map(canonicalValue).join(',')}\n`).join(''),
    names.join(';'),
    payloadHash,
  ].join('\n');
}

export function signingKey(secretAccessKey: string, date: string, region: string): Buffer {
  const dateKey = createHmac('sha256', `AWS4${secretAccessKey}`).update(date).digest();
  const regionKey = createHmac('sha256', dateKey).update(region).digest();
  const serviceKey = createHmac('sha256', regionKey).update(SERVICE).digest();
  return createHmac('sha256', serviceKey).update('aws4_request').digest();
}

interface Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  scope: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string): Authorization {
  if (!header.startsWith(`${ALGORITHM} `)) {
    throw new S3Error(400, 'InvalidRequest', `The authorization mechanism you have provided is not supported. Please use ${ALGORITHM}.`);
  }
  const fields = new Map(
    header
      .slice(ALGORITHM.length + 1)
      .split(',')
      .map((part) => part.trim())
      .map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)] as const),
  );
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) throw malformed('expected Credential, SignedHeaders and Signature');
  const parts = credential.split('/');
  if (parts.length !== 5 || !/^\d{8}$/.test(parts[1])) throw malformed(`the Credential '${credential}' is not of the form KEY/YYYYMMDD/REGION/SERVICE/aws4_request`);
  if (!/^[0-9a-f]{64}$/.test(signature)) throw malformed('the Signature must be 64 lowercase hex digits');
  const [accessKeyId, date, region, service, terminator] = parts;
  return { accessKeyId, date, region, service, terminator, scope: parts.slice(1).join('/'), signedHeaders: signedHeaders.split(';'), signature };
}

function parseAmzDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(date.getTime()) ? null : date;
}

function canonicalValue(value: string): string {
  return value.trim().replace(/ +/g, ' ');
}

function single(headers: SignedRequest['headers'], name: string): string | undefined {
  return headers[name]?.[0];
}

function malformed(reason: string): S3Error {
  return new S3Error(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; ${reason}`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
