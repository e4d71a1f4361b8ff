import { Readable } from 'node:stream';
import type { Checksum } from './checksums.js';

/** One object version's metadata, as S3 reports it in HEAD, GET and listings. */
export interface StoredObject {
  key: string;
  size: number;
  /** The quoted hex MD5 of the body. */
  etag: string;
  /** Whole seconds, as S3 keeps it. */
  lastModified: Date;
  contentType: string;
  contentEncoding: string | undefined;
  userMetadata: Record<string, string>;
  checksum: Checksum | undefined;
}

/** Inclusive byte offsets, like an HTTP Range. */
export interface ByteSpan {
  start: number;
  end: number;
}

/** Where buckets and objects live: in memory, or on disk so a restart keeps them. */
export interface ObjectRepository {
  bucketExists(bucket: string): boolean;
  /** Resolves false when the bucket already existed. */
  createBucket(bucket: string): Promise<boolean>;
  getObject(bucket: string, key: string): StoredObject | undefined;
  /** Every object of the bucket in UTF-8 binary order of keys, as S3 lists them. */
  listObjects(bucket: string): StoredObject[];
  putObject(bucket: string, object: StoredObject, body: Buffer): Promise<void>;
  /** The body of exactly that version (even if replaced since); null once it is gone. */
  openBody(object: StoredObject, span: ByteSpan | null): Promise<Readable | null>;
  deleteObject(bucket: string, key: string): Promise<void>;
}

export function memoryObjectRepository(): ObjectRepository {
  const buckets = new Map<string, Map<string, StoredObject>>();
  const bodies = new WeakMap<StoredObject, Buffer>();
  const bucket = (name: string) => {
    const objects = buckets.get(name);
    if (!objects) throw new Error(`bucket ${name} does not exist`);
    return objects;
  };
  return {
    bucketExists: (name) => buckets.has(name),
    async createBucket(name) {
      if (buckets.has(name)) return false;
      buckets.set(name, new Map());
      return true;
    },
    getObject: (name, key) => buckets.get(name)?.get(key),
    listObjects: (name) => sortByKey([...bucket(name).values()]),
    async putObject(name, object, body) {
      bodies.set(object, body);
      bucket(name).set(object.key, object);
    },
    async openBody(object, span) {
      const body = bodies.get(object);
      if (!body) return null;
      return Readable.from([span ? body.subarray(span.start, span.end + 1) : body]);
    },
    async deleteObject(name, key) {
      bucket(name).delete(key);
    },
  };
}

export function sortByKey(objects: StoredObject[]): StoredObject[] {
  return objects
    .map((object) => ({ object, bytes: Buffer.from(object.key) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map(({ object }) => object);
}
