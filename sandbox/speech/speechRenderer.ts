import { encodeMulaw, SAMPLE_RATE } from '../../common/audio/mulaw.js';
import { renderWav, type EspeakRequest } from './espeak.js';
import { resample } from './resampler.js';
import { parseWav } from './wav.js';

/** Silence kept (or added) before and after the speech of every utterance. */
const EDGE_SILENCE_MS = 50;
/** Samples quieter than this (about -54 dBFS) count as silence when trimming. */
const AUDIBLE_MAGNITUDE = 64;

/** Text -> 8 kHz mu-law speech with exactly EDGE_SILENCE_MS of silence at each end. */
export async function renderSpeech(request: EspeakRequest): Promise<Buffer> {
  const wav = parseWav(await renderWav(request));
  return encodeMulaw(withEdgeSilence(resample(wav.samples, wav.sampleRate, SAMPLE_RATE)));
}

function withEdgeSilence(samples: Int16Array): Int16Array {
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]) < AUDIBLE_MAGNITUDE) first++;
  let last = samples.length - 1;
  while (last >= first && Math.abs(samples[last]) < AUDIBLE_MAGNITUDE) last--;
  const edge = (SAMPLE_RATE / 1000) * EDGE_SILENCE_MS;
  const speech = samples.subarray(first, last + 1);
  const out = new Int16Array(speech.length + 2 * edge);
  out.set(speech, edge);
  return out;
}
