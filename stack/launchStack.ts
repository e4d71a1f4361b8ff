import path from 'node:path';
import { recordingStoreFromEnv } from '../storage/recordingStoreFromEnv.js';
import { fileURLToPath } from 'node:url';
import { loadConfig, type AppConfig } from '../common/config.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { selfSignedCert } from '../sandbox/voiceEngine/selfSignedCert.js';
import { assertPortsFree } from './ports.js';
import { startPostgres } from './postgres.js';
import { superviseProcess, type SupervisedProcess } from './supervisedProcess.js';
import { resolveTemporalCli } from './temporalCli.js';
import { startTemporalServer } from './temporalServer.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Stack {
  config: AppConfig;
  /** The project's own processes by name (sandbox, worker, bridge or bridge-0, bridge-1..., api), restarted if they crash. */
  processes: Map<string, SupervisedProcess>;
  urls: { app: string; temporalUi: string | null; sandbox: string | null };
  stop(): Promise<void>;
}

/**
 * Brings the whole system up: Temporal (dev server, unless TEMPORAL_ADDRESS points elsewhere), Postgres
 * (embedded, unless DATABASE_URL), migrations, then the sandbox, worker, media-bridge and API processes.
 * Used by `npm start` and by the integration tests, so both exercise the same start-up.
 */
export async function launchStack(env: NodeJS.ProcessEnv, log: (m: string) => void): Promise<Stack> {
  const config = loadConfig(env);
  const dataDir = path.resolve(ROOT, config.dataDir);
  // Checked here too, so a bad S3 setting stops start-up with one message instead of crashing children.
  recordingStoreFromEnv(env, dataDir);
  const ownTemporal = !env.TEMPORAL_ADDRESS;
  const ownPostgres = !config.database.url;

  await assertPortsFree([
    ...(ownTemporal ? [{ port: config.temporal.port, variable: 'TEMPORAL_PORT', what: 'Temporal' }, { port: config.temporal.uiPort, variable: 'TEMPORAL_UI_PORT', what: 'Temporal UI' }] : []),
    ...(ownPostgres ? [{ port: config.database.embeddedPort, variable: 'PG_PORT', what: 'embedded Postgres' }] : []),
    { port: config.api.port, variable: 'API_PORT', what: 'API and web UI' },
    ...config.bridge.ports.map((port, i) => ({ port, variable: 'BRIDGE_PORT', what: config.bridge.ports.length > 1 ? `media-bridge instance ${i}` : 'media-bridge' })),
    ...(config.sandbox.enabled ? [
      { port: config.sandbox.port, variable: 'SANDBOX_PORT', what: 'sandbox carrier' },
      { port: config.sandbox.voiceEnginePort, variable: 'VOICE_ENGINE_PORT', what: 'sandbox voice engine' },
    ] : []),
  ]);

  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => log(`while stopping: ${(err as Error).message}`));
  };
  try {
    let temporalUi: string | null = null;
    if (ownTemporal) {
      const cli = await resolveTemporalCli({ explicit: config.temporal.cli, toolsDir: path.join(ROOT, '.tools'), log });
      const temporal = await startTemporalServer({
        cli, dataDir: path.join(dataDir, 'temporal'), port: config.temporal.port, uiPort: config.temporal.uiPort,
        namespace: config.temporal.namespace, prefix: 'temporal',
      });
      stops.push(temporal.stop);
      temporalUi = temporal.uiUrl;
      log(`Temporal ready at ${temporal.address} (UI ${temporal.uiUrl})`);
    }

    const postgres = await startPostgres({ url: config.database.url, dataDir, port: config.database.embeddedPort, log });
    stops.push(postgres.stop);
    const pool = createPool(postgres.url, 1);
    const applied = await migrate(pool).finally(() => pool.end());
    log(`Postgres ready${postgres.embedded ? ' (embedded)' : ''}; ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);

    const childEnv: NodeJS.ProcessEnv = {
      ...env,
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: config.temporal.address,
      DATA_DIR: dataDir,
      SANDBOX: config.sandbox.enabled ? 'on' : 'off',
      // The sandbox's phone network delivers calls to the user's number here, as Twilio would.
      SANDBOX_INBOUND_URL: env.SANDBOX_INBOUND_URL ?? `${config.api.publicUrl}/twilio/inbound`,
      // ...and the agent's TwiML App (looping the user into a call) points here.
      SANDBOX_AGENT_LEG_URL: env.SANDBOX_AGENT_LEG_URL ?? `${config.api.publicUrl}/twilio/agent-leg`,
    };
    if (config.sandbox.enabled && config.openai.local && config.sandbox.voiceEngineTls && !env.OPENAI_CA_FILE) {
      childEnv.OPENAI_CA_FILE = (await selfSignedCert(path.join(dataDir, 'certs'))).certPath;
    }

    const processes: SupervisedProcess[] = [];
    const start = (name: string, entry: string, env: NodeJS.ProcessEnv = childEnv) => {
      const p = superviseProcess({ name, entry: path.join(ROOT, entry), env, log });
      processes.push(p);
      stops.push(p.stop);
      return p;
    };
    // The sandbox first: the bridge dials its voice engine as soon as a call arrives.
    if (config.sandbox.enabled) await start('sandbox', 'sandbox/main.ts').ready;
    const bridges = config.bridge.ports.map((_, i) => start(bridgeName(i, config.bridge.ports.length), 'media-bridge/main.ts', { ...childEnv, BRIDGE_INSTANCE: String(i) }));
    await Promise.all([start('worker', 'workers/main.ts'), ...bridges, start('api', 'api/main.ts')].map((p) => p.ready));

    return {
      config,
      processes: new Map(processes.map((p) => [p.name, p])),
      urls: { app: `http://localhost:${config.api.port}`, temporalUi, sandbox: config.sandbox.enabled ? config.sandbox.url : null },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

function bridgeName(instance: number, instances: number): string {
  return instances === 1 ? 'bridge' : `bridge-${instance}`;
}
