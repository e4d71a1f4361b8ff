import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spanOf, type RecordingStore } from './recordingStore.js';

/** Recordings as files under `dir`; a location is the file's absolute path (as rows written before stores existed). */
export function localRecordingStore(dir: string): RecordingStore {
  const root = path.resolve(dir);
  return {
    async save(key, wav) {
      const filePath = path.resolve(root, key);
      if (!filePath.startsWith(root + path.sep)) throw new Error(`recording key "${key}" points outside ${root}`);
      await mkdir(path.dirname(filePath), { recursive: true });
      // Written aside then renamed, so a listener never gets half a file.
      const partial = `${filePath}.${randomBytes(6).toString('hex')}.partial`;
      await writeFile(partial, wav);
      await rename(partial, filePath);
      return filePath;
    },

    async open(location, range) {
      if (!path.isAbsolute(location)) throw new Error(`a local recording location must be an absolute path, not "${location}"`);
      const handle = await open(location, 'r').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
      if (!handle) return null;
      try {
        const { size } = await handle.stat();
        const span = spanOf(range, size);
        const body = handle.createReadStream({ start: span?.start ?? 0, end: span?.end });
        return { body, bytes: span ? span.end - span.start + 1 : size, totalBytes: size, range: span };
      } catch (err) {
        await handle.close();
        throw err;
      }
    },

    describe: () => `local directory ${root}`,
  };
}
