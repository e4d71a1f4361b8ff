import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordingStoreFromEnv } from '../storage/recordingStoreFromEnv.js';
import { DefaultLogger, NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { loadConfig } from '../common/config.js';
import { createLogger } from '../common/logger.js';
import { createPool } from '../db/pool.js';
import { reportReady } from '../stack/supervisedProcess.js';
import { twilioTelephony } from '../telephony/twilioTelephony.js';

const log = createLogger('worker');

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) throw new Error('DATABASE_URL is required (npm start sets it)');
  Runtime.install({ logger: new DefaultLogger(config.logLevel === 'debug' ? 'DEBUG' : 'WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } } });
  const pool = createPool(config.database.url);
  const recordings = recordingStoreFromEnv(process.env, path.resolve(config.dataDir));
  log.info(`recordings are kept in ${recordings.describe()}`);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
    activities: createActivities({ pool, telephony: twilioTelephony(config.twilio), config, recordings }),
  });
  const stop = () => worker.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  log.info('polling', { taskQueue: config.temporal.taskQueue, temporal: config.temporal.address });
  reportReady();
  await worker.run();
  await connection.close();
  await pool.end();
}

main().catch((err) => {
  log.error('worker failed', { error: (err as Error).message });
  process.exit(1);
});
