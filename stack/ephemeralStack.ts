import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchStack, type Stack } from './launchStack.js';
import { freePort, freePorts } from './ports.js';

export interface EphemeralStack {
  api: string;
  sandbox: string;
  stack: Stack;
  stop(): Promise<void>;
}

/** The whole system as `npm start` runs it, on free ports and a throw-away data directory. */
export async function startEphemeralStack(extraEnv: NodeJS.ProcessEnv = {}, log: (m: string) => void = () => undefined): Promise<EphemeralStack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'call-agent-'));
  // As root, embedded Postgres runs as its own user, which must be able to enter the directory.
  await chmod(dataDir, 0o755);
  const ports = {
    API_PORT: await freePort(), BRIDGE_PORT: await freePorts(Number(extraEnv.BRIDGE_INSTANCES ?? process.env.BRIDGE_INSTANCES ?? 1) || 1), SANDBOX_PORT: await freePort(),
    VOICE_ENGINE_PORT: await freePort(), PG_PORT: await freePort(), TEMPORAL_PORT: await freePort(), TEMPORAL_UI_PORT: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...extraEnv,
  };
  delete env.TEMPORAL_ADDRESS;
  delete env.PUBLIC_URL;
  delete env.BRIDGE_PUBLIC_URL;
  const stack = await launchStack(env, log);
  return {
    api: `http://127.0.0.1:${ports.API_PORT}`,
    sandbox: `http://127.0.0.1:${ports.SANDBOX_PORT}`,
    stack,
    stop: async () => {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
