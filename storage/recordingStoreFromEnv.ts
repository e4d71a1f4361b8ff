import { z } from 'zod';
import { ConfigError } from '../common/config.js';
import { localRecordingStore } from './localRecordingStore.js';
import type { RecordingStore } from './recordingStore.js';
import { s3RecordingStore } from './s3RecordingStore.js';

// Empty counts as unset, so `S3_BUCKET=` in an env file keeps recordings local.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const s3EnvSchema = z.object({
  S3_BUCKET: optional(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected an S3 bucket name: 3-63 lowercase letters, digits, "." or "-"')),
  S3_ENDPOINT: optional(z.string().url('expected a URL such as http://127.0.0.1:9000')),
  S3_REGION: optional(z.string().regex(/^[a-z0-9-]+$/i, 'expected a region such as us-east-1')),
  S3_ACCESS_KEY_ID: optional(z.string().trim().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  S3_FORCE_PATH_STYLE: optional(z.enum(['true', 'false'], 'expected true or false')),
});

const S3_VARIABLES = Object.keys(s3EnvSchema.shape) as Array<keyof typeof s3EnvSchema.shape>;

/**
 * The recording store the environment asks for: an S3 bucket when `S3_BUCKET` is set (with
 * `S3_ACCESS_KEY_ID` and `S3_SECRET_ACCESS_KEY`; optional `S3_ENDPOINT`, `S3_REGION` (us-east-1),
 * `S3_FORCE_PATH_STYLE` (true when `S3_ENDPOINT` is set)), otherwise files under `dataDir`. Recordings
 * saved locally before a switch to S3 stay playable.
 */
export function recordingStoreFromEnv(env: NodeJS.ProcessEnv, dataDir: string): RecordingStore {
  const parsed = s3EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`));
  }
  const e = parsed.data;
  const local = localRecordingStore(dataDir);
  if (!e.S3_BUCKET) {
    const stray = S3_VARIABLES.filter((name) => e[name] !== undefined);
    if (stray.length) throw new ConfigError([`S3_BUCKET: required when ${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set (unset them to keep recordings in ${dataDir})`]);
    return local;
  }
  const missing = (['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((name) => !e[name]);
  if (missing.length) throw new ConfigError(missing.map((name) => `${name}: required when S3_BUCKET is set`));

  const s3 = s3RecordingStore({
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION ?? 'us-east-1',
    bucket: e.S3_BUCKET,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === 'true' : e.S3_ENDPOINT !== undefined,
  });
  return {
    save: s3.save,
    open: (location, range) => (location.startsWith('s3://') ? s3.open(location, range) : local.open(location, range)),
    describe: s3.describe,
  };
}
