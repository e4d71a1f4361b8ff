import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

/** What a benchmark child sends its parent over IPC once it is ready (with its port, if it listens). */
interface ReadyMessage {
  type: 'ready';
  port: number;
}

export interface BenchChildOptions {
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Confine the child to these CPUs (taskset syntax, e.g. "1" or "0-2"). */
  cpuList?: string;
  /** Scheduling niceness, -20..19 (below 0 needs root). */
  niceness?: number;
}

export interface BenchChild {
  pid: number;
  port: number;
  process: ChildProcess;
  /** Asks the child to exit cleanly (so a --cpu-prof profile gets written); kills it if it does not. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Runs a benchmark child as its own node process (tsx loader, no wrapper process, so `pid` is the
 * process doing the work and its /proc figures are its alone) and waits until it reports ready.
 * Each child gets a session of its own: with the kernel's autogroup scheduling a session is what competes
 * for CPU, so the bridge is not sharing one slice with the harness, and niceness can be applied to it.
 */
export async function startBenchChild(script: URL, args: string[], options: BenchChildOptions = {}): Promise<BenchChild> {
  const nodeArgs = ['--import', 'tsx', ...(options.nodeArgs ?? [])];
  // taskset execs node in place, so the pid (and the IPC channel) stay the child's own.
  const child = fork(fileURLToPath(script), args, {
    ...(options.cpuList ? { execPath: 'taskset', execArgv: ['-c', options.cpuList, process.execPath, ...nodeArgs] } : { execArgv: nodeArgs }),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  const port = await waitForReady(child);
  if (options.niceness !== undefined) applyNiceness(child, options.niceness);
  return {
    pid: child.pid!,
    port,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

// Under autogroup scheduling a thread's nice value only ranks it within its session; the session's
// autogroup nice is what counts against other sessions, so both are set.
function applyNiceness(child: ChildProcess, niceness: number): void {
  try {
    setPriority(child.pid!, niceness);
    writeFileSync(`/proc/${child.pid}/autogroup`, String(niceness));
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`could not set niceness ${niceness} (negative values need root): ${(err as Error).message}`);
  }
}

function waitForReady(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`benchmark child ${child.spawnargs.join(' ')} did not report ready within ${READY_TIMEOUT_MS} ms`));
    }, READY_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`benchmark child exited before it was ready (code ${code}, signal ${signal})`));
    });
    child.on('message', (message: ReadyMessage) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message.port);
    });
  });
}

/**
 * Child side: tells the parent it is ready, then runs `shutdown` and exits when the parent asks, or when
 * the parent is gone (so a crashed benchmark never leaves a child behind).
 */
export function serveUntilStopped(port: number, shutdown: () => Promise<void>): void {
  if (!process.send) throw new Error('this script is a benchmark child; run it through npm run bench:bridge');
  const stop = () => void shutdown().finally(() => process.exit(0));
  process.on('message', (message: { type?: string }) => message?.type === 'stop' && stop());
  process.once('disconnect', stop);
  process.send({ type: 'ready', port } satisfies ReadyMessage);
}
