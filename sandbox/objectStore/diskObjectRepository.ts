import { randomBytes, createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isValidBucketName } from './bucketName.js';
import { sortByKey, type ObjectRepository, type StoredObject } from './objectRepository.js';

interface MetadataFile extends Omit<StoredObject, 'lastModified'> {
  lastModified: string;
  bodyFile: string;
}

/**
 * Buckets as directories under `dataDir`; each object as `<sha256 of key>.json` (metadata) pointing at a
 * body file with a fresh name per version. Writing the metadata by rename makes a PUT atomic, and an
 * older version stays readable by whoever opened it before it was replaced.
 */
export async function diskObjectRepository(dataDir: string): Promise<ObjectRepository> {
  const root = path.resolve(dataDir);
  await mkdir(root, { recursive: true });
  const buckets = new Map<string, Map<string, StoredObject>>();
  const bodyPaths = new WeakMap<StoredObject, string>();
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isDirectory() && isValidBucketName(entry.name)) buckets.set(entry.name, await loadBucket(path.join(root, entry.name), bodyPaths));
  }
  // Mutations run one at a time so the metadata on disk and the index in memory change in the same order.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const objectsOf = (bucket: string) => {
    const objects = buckets.get(bucket);
    if (!objects) throw new Error(`bucket ${bucket} does not exist`);
    return objects;
  };
  const metadataPath = (bucket: string, key: string) => path.join(root, bucket, `${keyHash(key)}.json`);

  return {
    bucketExists: (bucket) => buckets.has(bucket),
    createBucket: (bucket) =>
      serialized(async () => {
        if (buckets.has(bucket)) return false;
        await mkdir(path.join(root, bucket), { recursive: true });
        buckets.set(bucket, new Map());
        return true;
      }),
    getObject: (bucket, key) => buckets.get(bucket)?.get(key),
    listObjects: (bucket) => sortByKey([...objectsOf(bucket).values()]),
    putObject: (bucket, object, body) =>
      serialized(async () => {
        const bodyFile = `${keyHash(object.key)}.${randomBytes(8).toString('hex')}.bin`;
        const bodyPath = path.join(root, bucket, bodyFile);
        await writeFile(bodyPath, body);
        const metadata: MetadataFile = { ...object, lastModified: object.lastModified.toISOString(), bodyFile };
        const target = metadataPath(bucket, object.key);
        await writeFile(`${target}.tmp`, JSON.stringify(metadata));
        await rename(`${target}.tmp`, target);
        const previous = objectsOf(bucket).get(object.key);
        objectsOf(bucket).set(object.key, object);
        bodyPaths.set(object, bodyPath);
        if (previous) await rm(bodyPaths.get(previous)!, { force: true });
      }),
    async openBody(object, span) {
      const bodyPath = bodyPaths.get(object);
      if (!bodyPath) return null;
      try {
        const handle = await open(bodyPath, 'r');
        return handle.createReadStream({ start: span?.start, end: span?.end });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    deleteObject: (bucket, key) =>
      serialized(async () => {
        const previous = objectsOf(bucket).get(key);
        if (!previous) return;
        await rm(metadataPath(bucket, key), { force: true });
        objectsOf(bucket).delete(key);
        await rm(bodyPaths.get(previous)!, { force: true });
      }),
  };
}

async function loadBucket(dir: string, bodyPaths: WeakMap<StoredObject, string>): Promise<Map<string, StoredObject>> {
  const objects = new Map<string, StoredObject>();
  const files = await readdir(dir);
  const referenced = new Set<string>();
  for (const file of files.filter((name) => name.endsWith('.json'))) {
    const { bodyFile, lastModified, ...rest } = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as MetadataFile;
    const object: StoredObject = { ...rest, lastModified: new Date(lastModified) };
    objects.set(object.key, object);
    bodyPaths.set(object, path.join(dir, bodyFile));
    referenced.add(bodyFile);
  }
  // Leftovers of a process that stopped mid-write: never-committed bodies and metadata.
  for (const file of files.filter((name) => name.endsWith('.tmp') || (name.endsWith('.bin') && !referenced.has(name)))) {
    await rm(path.join(dir, file), { force: true });
  }
  return objects;
}

function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
