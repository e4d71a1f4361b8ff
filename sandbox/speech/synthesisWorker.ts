import { parentPort } from 'node:worker_threads';
import { renderSpeech } from './speechRenderer.js';
import type { SynthesisReply, SynthesisRequest } from './synthesisProtocol.js';

// Runs espeak off the main thread: each new utterance costs ~100 ms of synchronous WASM and
// file-system set-up, which would otherwise stall every real-time audio stream in the process.
const port = parentPort;
if (!port) throw new Error('synthesisWorker must run as a worker thread');

port.on('message', async ({ id, text, voice, wordsPerMinute }: SynthesisRequest) => {
  let reply: SynthesisReply;
  try {
    reply = { id, audio: new Uint8Array(await renderSpeech({ text, voice, wordsPerMinute })) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
