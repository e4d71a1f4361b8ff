import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../workflows/searchAttributes.js';
import { pipeWithPrefix } from './logPrefix.js';

export interface TemporalServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/** Starts the Temporal dev server with its state in `dataDir` (so calls survive a restart). */
export async function startTemporalServer(options: {
  cli: string;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  prefix: string;
}): Promise<TemporalServer> {
  await mkdir(options.dataDir, { recursive: true });
  const args = [
    'server', 'start-dev',
    '--db-filename', path.join(options.dataDir, 'temporal.db'),
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    '--namespace', options.namespace,
    '--log-level', 'error',
    ...Object.entries(SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
  ];
  const child = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // The server logs its own readiness probes as errors while it boots; they are noise, not failures.
  pipeWithPrefix(child, options.prefix, /Frontend is not healthy yet/);
  const address = `127.0.0.1:${options.port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the Temporal dev server exited (code ${code}) before it was ready`))),
  );
  exited.catch(() => undefined);
  await Promise.race([waitUntilServing(address), exited]);
  return { address, uiUrl: `http://127.0.0.1:${options.uiPort}`, stop: () => stopChild(child) };
}

async function waitUntilServing(address: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`Temporal did not start serving on ${address} within ${timeoutMs / 1000}s: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
