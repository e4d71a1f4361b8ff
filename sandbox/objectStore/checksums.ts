import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { S3Error } from './s3Error.js';

export type ChecksumAlgorithm = 'CRC32' | 'SHA1' | 'SHA256';

export interface Checksum {
  algorithm: ChecksumAlgorithm;
  /** Base64, as in the `x-amz-checksum-*` headers. */
  value: string;
}

const SUPPORTED: Record<string, ChecksumAlgorithm> = { crc32: 'CRC32', sha1: 'SHA1', sha256: 'SHA256' };
const KNOWN = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'];

export function checksumHeader(algorithm: ChecksumAlgorithm): string {
  return `x-amz-checksum-${algorithm.toLowerCase()}`;
}

export function computeChecksum(algorithm: ChecksumAlgorithm, data: Buffer): string {
  if (algorithm !== 'CRC32') return createHash(algorithm === 'SHA1' ? 'sha1' : 'sha256').update(data).digest('base64');
  const digest = Buffer.alloc(4);
  digest.writeUInt32BE(crc32(data));
  return digest.toString('base64');
}

/**
 * The flexible checksum the client sent for `data` (as a header, or as an aws-chunked trailer), verified
 * like S3 does; also verifies `Content-MD5`.
 */
export function verifiedChecksum(data: Buffer, fields: Map<string, string>, sdkAlgorithm: string | undefined): Checksum | undefined {
  const md5 = fields.get('content-md5');
  if (md5 !== undefined && createHash('md5').update(data).digest('base64') !== md5) {
    throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
  }
  const sent = KNOWN.filter((name) => fields.has(`x-amz-checksum-${name}`));
  if (sent.length > 1) throw new S3Error(400, 'InvalidRequest', 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  if (sent.length === 0) {
    if (sdkAlgorithm) {
      throw new S3Error(400, 'InvalidRequest', 'x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.');
    }
    return undefined;
  }
  const algorithm = SUPPORTED[sent[0]];
  if (!algorithm) throw new S3Error(501, 'NotImplemented', `The ${sent[0].toUpperCase()} checksum algorithm is not implemented by this S3 stand-in (CRC32, SHA1 and SHA256 are).`);
  const value = fields.get(checksumHeader(algorithm)) ?? '';
  if (computeChecksum(algorithm, data) !== value) {
    throw new S3Error(400, 'BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`);
  }
  return { algorithm, value };
}
