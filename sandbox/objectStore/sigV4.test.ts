import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRequestTarget } from './requestTarget.js';
import type { S3Error } from './s3Error.js';
import { verifySignature, type SignedRequest } from './sigV4.js';

// The GET Object example of AWS's "Signature Calculations for the Authorization Header: Transferring
// Payload in a Single Chunk" (Amazon S3 API reference), with its published signature.
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const DOCUMENTED_CHECK = {
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  region: 'us-east-1',
  now: new Date('2013-05-24T00:02:00Z'),
};

function documentedRequest(extraHeaders: Record<string, string> = {}): SignedRequest {
  const headers: Record<string, string> = {
    host: 'examplebucket.s3.amazonaws.com',
    range: 'bytes=0-9',
    'x-amz-content-sha256': EMPTY_SHA256,
    'x-amz-date': '20130524T000000Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
      'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
      'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    ...extraHeaders,
  };
  return { method: 'GET', target: parseRequestTarget('/test.txt'), headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])) };
}

function rejection(request: SignedRequest, check = DOCUMENTED_CHECK): S3Error {
  try {
    verifySignature(request, check);
  } catch (err) {
    return err as S3Error;
  }
  assert.fail('expected the request to be refused');
}

describe('Signature Version 4 verification', () => {
  it("accepts AWS's documented example request and returns its payload hash", () => {
    assert.equal(verifySignature(documentedRequest(), DOCUMENTED_CHECK), EMPTY_SHA256);
  });

  it('refuses the same request once a signed header is altered', () => {
    const error = rejection(documentedRequest({ range: 'bytes=0-99' }));
    assert.equal(error.code, 'SignatureDoesNotMatch');
    assert.equal(error.status, 403);
    assert.match(String(error.details.CanonicalRequest), /^GET\n\/test\.txt\n\nhost:examplebucket\.s3\.amazonaws\.com\nrange:bytes=0-99\n/);
  });

  it('refuses a path other than the one signed', () => {
    assert.equal(rejection({ ...documentedRequest(), target: parseRequestTarget('/other.txt') }).code, 'SignatureDoesNotMatch');
  });

  it('refuses x-amz- headers that were not signed', () => {
    const error = rejection(documentedRequest({ 'x-amz-meta-owner': 'mallory' }));
    assert.equal(error.code, 'AccessDenied');
    assert.equal(error.details.HeadersNotSigned, 'x-amz-meta-owner');
  });

  it('refuses a request signed too long ago', () => {
    const error = rejection(documentedRequest(), { ...DOCUMENTED_CHECK, now: new Date('2013-05-24T00:20:00Z') });
    assert.equal(error.code, 'RequestTimeTooSkewed');
    assert.equal(error.status, 403);
  });

  it('names the region a request must be signed for', () => {
    const error = rejection(documentedRequest(), { ...DOCUMENTED_CHECK, region: 'eu-west-1' });
    assert.equal(error.code, 'AuthorizationHeaderMalformed');
    assert.match(error.message, /the region 'us-east-1' is wrong; expecting 'eu-west-1'/);
  });

  it('refuses anonymous requests and a missing payload hash', () => {
    const { authorization: _, ...anonymous } = documentedRequest().headers;
    assert.equal(rejection({ ...documentedRequest(), headers: anonymous }).code, 'AccessDenied');
    const { 'x-amz-content-sha256': __, ...unhashed } = documentedRequest().headers;
    assert.equal(rejection({ ...documentedRequest(), headers: unhashed }).code, 'InvalidRequest');
  });
});
