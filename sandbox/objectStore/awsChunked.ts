import { S3Error } from './s3Error.js';

const CRLF = '\r\n';

/**
 * Decodes an `aws-chunked` body (`x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER`): hex-sized
 * chunks, a zero-sized last chunk, then trailer lines such as `x-amz-checksum-crc32:<base64>`.
 */
export function decodeAwsChunked(raw: Buffer): { data: Buffer; trailers: Map<string, string> } {
  const chunks: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const line = readLine(raw, pos);
    const sizeField = line.text.split(';')[0];
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeField)) throw malformed(`bad chunk size "${sizeField}"`);
    const size = parseInt(sizeField, 16);
    pos = line.next;
    if (size === 0) break;
    if (pos + size + CRLF.length > raw.length) throw truncated();
    chunks.push(raw.subarray(pos, pos + size));
    if (raw.toString('latin1', pos + size, pos + size + CRLF.length) !== CRLF) throw malformed('a chunk is longer than its declared size');
    pos += size + CRLF.length;
  }
  const trailers = new Map<string, string>();
  // Some clients end the body right after the last trailer instead of sending the closing empty line.
  while (pos < raw.length) {
    const line = readLine(raw, pos);
    pos = line.next;
    if (line.text === '') break;
    const colon = line.text.indexOf(':');
    if (colon <= 0) throw malformed(`bad trailer line "${line.text}"`);
    trailers.set(line.text.slice(0, colon).trim().toLowerCase(), line.text.slice(colon + 1).trim());
  }
  if (pos < raw.length) throw malformed('data after the trailers');
  return { data: Buffer.concat(chunks), trailers };
}

function readLine(raw: Buffer, pos: number): { text: string; next: number } {
  const end = raw.indexOf(CRLF, pos, 'latin1');
  if (end === -1) throw truncated();
  return { text: raw.toString('latin1', pos, end), next: end + CRLF.length };
}

function truncated(): S3Error {
  return new S3Error(400, 'IncompleteBody', 'The request body terminated unexpectedly');
}

function malformed(reason: string): S3Error {
  return new S3Error(400, 'InvalidRequest', `The aws-chunked request body is malformed: ${reason}`);
}
