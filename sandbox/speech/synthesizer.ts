import { decodeMulaw, SAMPLE_RATE } from '../../common/audio/mulaw.js';
import { renderInWorker } from './synthesisWorkerClient.js';
import { utteranceIndex } from './utteranceIndex.js';
import { encodeWav } from './wav.js';

export interface SynthesisOptions {
  /** espeak-ng voice, e.g. 'en-us' (default), 'en-gb', 'es', 'en-us+f3'. */
  voice?: string;
  /** Speaking rate; espeak-ng accepts 80..450, default 175. */
  wordsPerMinute?: number;
}

const DEFAULT_VOICE = 'en-us';
const DEFAULT_WORDS_PER_MINUTE = 175;
const MAX_TEXT_LENGTH = 2000;

const cache = new Map<string, Promise<Buffer>>();

/**
 * Speaks `text` as 8 kHz mono mu-law with ~50 ms of silence at each end, and registers the
 * utterance in the process-wide utteranceIndex so whoever hears it can recognize it.
 * Results are cached per (text, voice, rate); each caller gets its own copy of the bytes.
 */
export async function synthesize(text: string, options: SynthesisOptions = {}): Promise<Buffer> {
  const request = validated(text, options);
  const key = JSON.stringify([request.text, request.voice, request.wordsPerMinute]);
  let audio = cache.get(key);
  if (!audio) {
    audio = renderInWorker(request).then((rendered) => {
      utteranceIndex.register(request.text, rendered);
      return rendered;
    });
    cache.set(key, audio);
    audio.catch(() => cache.delete(key));
  }
  return Buffer.from(await audio);
}

/** The same speech as an 8 kHz 16-bit PCM WAV file, for listening. */
export async function synthesizeToWav(text: string, options: SynthesisOptions = {}): Promise<Buffer> {
  return encodeWav({ sampleRate: SAMPLE_RATE, samples: decodeMulaw(await synthesize(text, options)) });
}

function validated(text: string, options: SynthesisOptions): { text: string; voice: string; wordsPerMinute: number } {
  if (typeof text !== 'string' || text.trim().length === 0) {
    throw new TypeError('synthesize: text must be a non-empty string');
  }
  if (text.length > MAX_TEXT_LENGTH) {
    throw new RangeError(`synthesize: text is ${text.length} characters, at most ${MAX_TEXT_LENGTH} are allowed`);
  }
  const voice = options.voice ?? DEFAULT_VOICE;
  if (!/^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)?$/.test(voice)) {
    throw new TypeError(`synthesize: "${voice}" is not an espeak-ng voice name`);
  }
  const wordsPerMinute = options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE;
  if (!Number.isFinite(wordsPerMinute) || wordsPerMinute < 80 || wordsPerMinute > 450) {
    throw new RangeError(`synthesize: wordsPerMinute must be within 80..450, got ${wordsPerMinute}`);
  }
  return { text, voice, wordsPerMinute: Math.round(wordsPerMinute) };
}
