import { Worker } from 'node:worker_threads';
import type { EspeakRequest } from './espeak.js';
import type { SynthesisReply, SynthesisRequest } from './synthesisProtocol.js';

interface Pending {
  resolve: (audio: Buffer) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Renders speech on a shared worker thread that is started on first use. */
export function renderInWorker(request: EspeakRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const thread = workerThread();
    // Only outstanding work may keep the process alive; an idle worker must not block exit.
    thread.ref();
    const message: SynthesisRequest = { id, ...request };
    thread.postMessage(message);
  });
}

function workerThread(): Worker {
  if (worker) return worker;
  // Worker threads do not inherit tsx's loader hooks, so the worker registers them before
  // importing its TypeScript entry point.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./synthesisWorker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  const thread = new Worker(bootstrap, { eval: true });
  thread.on('message', (reply: SynthesisReply) => settle(thread, reply));
  thread.on('error', (error) => abandon(thread, error));
  thread.on('exit', (code) => abandon(thread, new Error(`speech synthesis worker exited with code ${code}`)));
  worker = thread;
  return thread;
}

function settle(thread: Worker, reply: SynthesisReply): void {
  const waiter = pending.get(reply.id);
  if (!waiter) return;
  pending.delete(reply.id);
  if ('error' in reply) waiter.reject(new Error(reply.error));
  else waiter.resolve(Buffer.from(reply.audio.buffer, reply.audio.byteOffset, reply.audio.byteLength));
  if (pending.size === 0) thread.unref();
}

function abandon(thread: Worker, error: Error): void {
  if (worker !== thread) return;
  worker = undefined;
  for (const waiter of pending.values()) waiter.reject(error);
  pending.clear();
}
