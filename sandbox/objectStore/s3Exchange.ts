import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectRepository } from './objectRepository.js';

/** One request to the object store, once addressed and authenticated. */
export interface S3Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  repository: ObjectRepository;
  region: string;
  bucket: string;
  /** Empty for bucket-level operations. */
  key: string;
  query: Map<string, string>;
  /** The verified `x-amz-content-sha256` the body must match. */
  payloadHash: string;
  maxObjectBytes: number;
}

export function header(exchange: S3Exchange, name: string): string | undefined {
  return exchange.request.headersDistinct[name]?.[0];
}

/** Sends a complete response; a body is always XML, and never sent for HEAD. */
export function reply(exchange: S3Exchange, status: number, headers: Record<string, string | number>, xml?: string): void {
  const { response } = exchange;
  response.statusCode = status;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (xml === undefined) {
    if (status !== 204 && !response.hasHeader('content-length')) response.setHeader('content-length', 0);
    response.end();
    return;
  }
  const body = Buffer.from(xml);
  response.setHeader('content-type', 'application/xml');
  response.setHeader('content-length', body.length);
  response.end(exchange.request.method === 'HEAD' ? undefined : body);
}
