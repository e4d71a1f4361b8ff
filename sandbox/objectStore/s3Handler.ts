import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../common/logger.js';
import { createBucket, headBucket, listObjects } from './bucketOperations.js';
import { deleteObject, getObject, putObject } from './objectOperations.js';
import type { ObjectRepository } from './objectRepository.js';
import { parseRequestTarget, type RequestTarget } from './requestTarget.js';
import { errorXml, notImplemented, S3Error } from './s3Error.js';
import type { S3Exchange } from './s3Exchange.js';
import { verifySignature, type Credentials } from './sigV4.js';

export interface S3HandlerOptions {
  repository: ObjectRepository;
  credentials: Credentials;
  region: string;
  /** Requests to `<bucket>.<virtualHostDomain>` address that bucket (virtual-hosted style). */
  virtualHostDomain: string;
  maxObjectBytes: number;
  log: Logger;
}

const LIST_PARAMETERS = ['list-type', 'prefix', 'delimiter', 'max-keys', 'continuation-token', 'start-after', 'encoding-type'];

/** Answers the S3 REST API's object and bucket basics, authenticated with Signature Version 4. */
export function s3Handler(options: S3HandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    const hostId = randomBytes(24).toString('base64');
    response.setHeader('x-amz-request-id', requestId);
    response.setHeader('x-amz-id-2', hostId);
    response.setHeader('server', 'AmazonS3');
    handle(request, response, options).catch((err: unknown) => {
      const clientLeft = request.readableAborted || response.destroyed;
      if (!(err instanceof S3Error) && !clientLeft) options.log.error('request failed', { method: request.method, url: request.url, error: (err as Error).message });
      // Mid-body there is no way to send an error but to cut the connection, as S3 does.
      if (response.headersSent || clientLeft) return void response.destroy();
      const error = err instanceof S3Error ? err : new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
      response.statusCode = error.status;
      for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
      if (request.method === 'HEAD') return void response.end();
      const body = Buffer.from(errorXml(error, requestId, hostId));
      response.setHeader('content-type', 'application/xml');
      response.setHeader('content-length', body.length);
      response.end(body);
    });
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: S3HandlerOptions): Promise<void> {
  const target = parseRequestTarget(request.url ?? '/');
  const { bucket, key } = addressedObject(request, target, options.virtualHostDomain);
  const payloadHash = verifySignature({ method: request.method ?? '', target, headers: request.headersDistinct }, { credentials: options.credentials, region: options.region, now: new Date() });
  const allowed = new Set(['x-id', ...(bucket && !key && request.method === 'GET' ? LIST_PARAMETERS : [])]);
  const unknown = target.query.find(([name]) => !allowed.has(name));
  if (unknown) throw notImplemented(`the "${unknown[0]}" query parameter on ${request.method} ${key ? 'object' : bucket ? 'bucket' : 'service'}`);

  const exchange: S3Exchange = {
    request, response, repository: options.repository, region: options.region, bucket, key,
    query: new Map(target.query), payloadHash, maxObjectBytes: options.maxObjectBytes,
  };
  const operation = operationFor(request.method ?? '', bucket, key);
  await operation(exchange);
}

function operationFor(method: string, bucket: string, key: string): (exchange: S3Exchange) => Promise<void> | void {
  if (!bucket) {
    if (method === 'GET') throw notImplemented('ListBuckets');
  } else if (!key) {
    if (method === 'PUT') return createBucket;
    if (method === 'HEAD') return headBucket;
    if (method === 'GET') return listObjects;
    if (method === 'DELETE') throw notImplemented('DeleteBucket');
  } else {
    if (method === 'PUT') return putObject;
    if (method === 'GET' || method === 'HEAD') return getObject;
    if (method === 'DELETE') return deleteObject;
  }
  throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', { Method: method, ResourceType: key ? 'OBJECT' : bucket ? 'BUCKET' : 'SERVICE' });
}

/** The bucket from the Host (virtual-hosted style) or the first path segment (path style); the key is the rest. */
function addressedObject(request: IncomingMessage, target: RequestTarget, virtualHostDomain: string): { bucket: string; key: string } {
  const hostname = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
  const suffix = `.${virtualHostDomain}`;
  if (hostname.endsWith(suffix) && hostname.length > suffix.length) {
    return { bucket: hostname.slice(0, -suffix.length), key: target.segments.join('/') };
  }
  const [bucket, ...rest] = target.segments;
  return { bucket, key: rest.join('/') };
}
