import { fork, type ChildProcess } from 'node:child_process';
import { pipeWithPrefix } from './logPrefix.js';
import { stopChild } from './temporalServer.js';

export interface SupervisedProcess {
  name: string;
  ready: Promise<void>;
  /** The running child's pid (it changes when the process is restarted). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Runs one of the project's processes (`api/main.ts`, ...) under tsx and restarts it if it crashes, so a
 * crash costs seconds, not calls: the workflow and the data it needs survive in Temporal and Postgres.
 * `ready` resolves when the child reports `{ type: 'ready' }` over IPC the first time.
 */
export function superviseProcess(options: { name: string; entry: string; env: NodeJS.ProcessEnv; log: (m: string) => void }): SupervisedProcess {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let markReady!: () => void;
  let markFailed!: (err: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  let everReady = false;

  const launch = () => {
    const started = Date.now();
    child = fork(options.entry, [], {
      env: options.env,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    pipeWithPrefix(child, options.name);
    child.on('message', (message: { type?: string }) => {
      if (message?.type === 'ready' && !everReady) {
        everReady = true;
        markReady();
      }
    });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      if (!everReady) {
        markFailed(new Error(`${options.name} exited during start-up (code ${code ?? signal}); see its log lines above.`));
        return;
      }
      // Exit code 0 is a deliberate stop (Ctrl-C reaches every process in the terminal's group).
      if (code === 0) return;
      // Back off when it crashes right after starting, so a crash loop does not spin the CPU.
      restarts = Date.now() - started < 10_000 ? restarts + 1 : 0;
      const delay = Math.min(30_000, 500 * 2 ** restarts);
      options.log(`${options.name} exited (code ${code ?? signal}); restarting in ${delay} ms`);
      setTimeout(() => !stopping && launch(), delay).unref();
    });
  };
  launch();

  return {
    name: options.name,
    ready,
    get pid() {
      return child?.pid;
    },
    stop: async () => {
      stopping = true;
      if (child) await stopChild(child);
    },
  };
}

/** Called by each process's main once it serves, so the launcher knows start-up finished. */
export function reportReady(): void {
  process.send?.({ type: 'ready' });
}
