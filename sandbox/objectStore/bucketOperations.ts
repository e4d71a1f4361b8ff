import { isValidBucketName } from './bucketName.js';
import { listObjectsV2Xml, parseListQuery } from './listObjectsV2.js';
import { readPayload } from './payload.js';
import { noSuchBucket, notImplemented, S3Error } from './s3Error.js';
import { reply, type S3Exchange } from './s3Exchange.js';

export async function createBucket(exchange: S3Exchange): Promise<void> {
  const { bucket, region } = exchange;
  const { data } = await readPayload(exchange.request, exchange.payloadHash, exchange.maxObjectBytes);
  if (!isValidBucketName(bucket)) throw new S3Error(400, 'InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket });
  const constraint = /<LocationConstraint>([^<]*)<\/LocationConstraint>/.exec(data.toString('utf8'))?.[1];
  if (constraint !== undefined && constraint !== region) {
    throw new S3Error(400, 'IllegalLocationConstraintException', `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`);
  }
  if (!(await exchange.repository.createBucket(bucket))) {
    throw new S3Error(409, 'BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', { BucketName: bucket });
  }
  reply(exchange, 200, { location: `/${bucket}` });
}

export function headBucket(exchange: S3Exchange): void {
  if (!exchange.repository.bucketExists(exchange.bucket)) throw noSuchBucket(exchange.bucket);
  reply(exchange, 200, { 'x-amz-bucket-region': exchange.region, 'x-amz-access-point-alias': 'false' });
}

export function listObjects(exchange: S3Exchange): void {
  if (exchange.query.get('list-type') !== '2') throw notImplemented('ListObjects (version 1); use ListObjectsV2 (list-type=2)');
  const query = parseListQuery(exchange.query);
  if (!exchange.repository.bucketExists(exchange.bucket)) throw noSuchBucket(exchange.bucket);
  reply(exchange, 200, {}, listObjectsV2Xml(exchange.bucket, exchange.repository.listObjects(exchange.bucket), query));
}
