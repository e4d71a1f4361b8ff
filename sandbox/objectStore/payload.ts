import type { IncomingMessage } from 'node:http';
import { decodeAwsChunked } from './awsChunked.js';
import { type Checksum, verifiedChecksum } from './checksums.js';
import { S3Error } from './s3Error.js';
import { sha256Hex } from './sigV4.js';

const CHUNK_FRAMING_ALLOWANCE = 64 * 1024;

export interface ReceivedPayload {
  data: Buffer;
  checksum: Checksum | undefined;
}

/**
 * Reads a request body and checks it against everything the client declared: its length, its
 * `x-amz-content-sha256`, an aws-chunked framing and its trailers, and any checksum or Content-MD5.
 */
export async function readPayload(request: IncomingMessage, payloadHash: string, maxBytes: number): Promise<ReceivedPayload> {
  const header = (name: string) => request.headersDistinct[name]?.[0];
  const streaming = payloadHash.startsWith('STREAMING-');
  if (streaming && payloadHash !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') {
    throw new S3Error(501, 'NotImplemented', `Signed streaming uploads (${payloadHash}) are not implemented by this S3 stand-in; it accepts STREAMING-UNSIGNED-PAYLOAD-TRAILER.`);
  }
  const lengthHeader = streaming ? header('x-amz-decoded-content-length') : header('content-length');
  if (lengthHeader === undefined) throw new S3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
  const declared = Number(lengthHeader);
  if (!Number.isSafeInteger(declared) || declared < 0) {
    throw new S3Error(400, 'InvalidArgument', `Invalid length "${lengthHeader}".`, { ArgumentName: streaming ? 'x-amz-decoded-content-length' : 'Content-Length' });
  }
  if (declared > maxBytes) {
    throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', { ProposedSize: declared, MaxSizeAllowed: maxBytes });
  }

  // Node enforces Content-Length; an aws-chunked body is only bounded by its framing, so cap it here.
  const raw = await readAll(request, streaming ? 2 * maxBytes + CHUNK_FRAMING_ALLOWANCE : declared);
  if (!streaming && payloadHash !== 'UNSIGNED-PAYLOAD' && sha256Hex(raw) !== payloadHash) {
    throw new S3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
      ClientComputedContentSHA256: payloadHash, S3ComputedContentSHA256: sha256Hex(raw),
    });
  }
  const fields = new Map(Object.entries(request.headersDistinct).map(([name, values]) => [name, values?.[0] ?? '']));
  let data = raw;
  if (streaming) {
    const decoded = decodeAwsChunked(raw);
    data = decoded.data;
    const declaredTrailers = (header('x-amz-trailer') ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
    for (const name of declaredTrailers) {
      const value = decoded.trailers.get(name);
      if (value === undefined) throw new S3Error(400, 'MalformedTrailerError', `The request body did not contain the trailer "${name}" declared in x-amz-trailer.`);
      fields.set(name, value);
    }
  }
  if (data.length !== declared) {
    throw new S3Error(400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header');
  }
  return { data, checksum: verifiedChecksum(data, fields, header('x-amz-sdk-checksum-algorithm')) };
}

async function readAll(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', { MaxSizeAllowed: maxBytes });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
