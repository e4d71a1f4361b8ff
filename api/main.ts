import path from 'node:path';
import { recordingStoreFromEnv } from '../storage/recordingStoreFromEnv.js';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../common/config.js';
import { createLogger } from '../common/logger.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { reportReady } from '../stack/supervisedProcess.js';
import { createApp } from './app.js';
import { LiveUpdates } from './liveUpdates.js';

const log = createLogger('api');

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) throw new Error('DATABASE_URL is required (npm start sets it)');
  const pool = createPool(config.database.url);
  // Idempotent (advisory-locked); in production, where no launcher runs, the API brings the schema up to date.
  await migrate(pool);
  const connection = await Connection.connect({ address: config.temporal.address });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const live = new LiveUpdates(config.database.url, log);
  await live.start();
  const recordings = recordingStoreFromEnv(process.env, path.resolve(config.dataDir));
  const app = createApp({ pool, temporal, config, live, log, recordings });
  const server = app.listen(config.api.port, '0.0.0.0', () => {
    log.info(`serving on http://localhost:${config.api.port}`);
    reportReady();
  });
  const stop = () => {
    setTimeout(() => process.exit(0), 3000).unref();
    server.closeAllConnections();
    server.close(() => void Promise.all([live.stop(), pool.end(), connection.close()]).then(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  log.error('api failed to start', { error: (err as Error).message });
  process.exit(1);
});
