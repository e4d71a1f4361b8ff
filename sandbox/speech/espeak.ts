import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import ESpeakNg from 'espeak-ng';

export interface EspeakRequest {
  text: string;
  voice: string;
  wordsPerMinute: number;
}

const OUTPUT_PATH = '/out.wav';

let compiled: Promise<WebAssembly.Module> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the espeak-ng CLI (WASM) once and returns the 22050 Hz 16-bit mono WAV it wrote.
 * The CLI's main() keeps getopt and engine state in globals, so an instance cannot be run twice;
 * instead the compiled module is shared and each call gets a fresh instance.
 */
export function renderWav(request: EspeakRequest): Promise<Uint8Array> {
  // One instance at a time: each holds 32 MB of linear memory plus a copy of the voice data.
  const result = queue.then(() => runOnce(request));
  queue = result.catch(() => undefined);
  return result;
}

async function runOnce({ text, voice, wordsPerMinute }: EspeakRequest): Promise<Uint8Array> {
  const module = await compiledModule();
  const stderr: string[] = [];
  let instantiationFailed: (error: unknown) => void = () => undefined;
  // Emscripten never settles its ready promise when a custom instantiateWasm fails.
  const failure = new Promise<never>((_, reject) => (instantiationFailed = reject));
  const starting = ESpeakNg({
    // `--` so that text starting with '-' is not taken for an option.
    arguments: ['-v', voice, '-s', String(Math.round(wordsPerMinute)), '-w', OUTPUT_PATH, '--', text],
    print: () => undefined,
    printErr: (line: string) => stderr.push(line),
    // The default quit handler sets process.exitCode to espeak's status, which would fail the host process.
    quit: (_status: number, toThrow: Error) => {
      throw toThrow;
    },
    instantiateWasm: (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) => {
      WebAssembly.instantiate(module, imports)
        .then((wasm) => withoutStackTraces(() => receive(wasm)))
        .catch(instantiationFailed);
      return {};
    },
  });
  const instance = await Promise.race([starting, failure]);
  try {
    return instance.FS.readFile(OUTPUT_PATH);
  } catch {
    throw new Error(`espeak-ng produced no audio for voice "${voice}": ${stderr[0]?.trim() || 'unknown error'}`);
  }
}

function compiledModule(): Promise<WebAssembly.Module> {
  if (!compiled) {
    const wasmPath = createRequire(import.meta.url).resolve('espeak-ng').replace(/\.js$/, '.wasm');
    compiled = readFile(wasmPath).then((bytes) => WebAssembly.compile(bytes));
  }
  return compiled;
}

/**
 * Runtime start-up mounts the embedded voice data files, and the Emscripten FS throws and catches
 * an error with a captured stack for each path it probes: about a third of the start-up time.
 * The work is synchronous, so no other code observes the lowered limit.
 */
function withoutStackTraces(run: () => void): void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
