import { SAMPLE_RATE } from '../../../common/audio/mulaw.js';
import { midiToHz } from './instruments.js';
import { samplesIn, type Pcm, type Random } from './pcm.js';

/** First three formants (Hz) of a few sung vowels. */
const VOWELS: ReadonlyArray<readonly [number, number, number]> = [
  [730, 1090, 2440],
  [530, 1840, 2480],
  [270, 2290, 3010],
  [570, 840, 2410],
  [300, 870, 2240],
];
const FORMANT_GAINS = [1, 0.6, 0.3];
const FORMANT_BANDWIDTH_HZ = [90, 110, 160];

export interface Syllable {
  startMs: number;
  lengthMs: number;
  midi: number;
}

/**
 * Sings syllables with a formant-filtered buzz: a voice-like line (pitch glides, vibrato, vowel
 * changes, a breathy consonant at each onset, short gaps) that music on hold sometimes carries.
 */
export function singSyllables(out: Pcm, syllables: Syllable[], gain: number, random: Random): void {
  const state = new Float64Array(6);
  let phase = 0;
  let pitchHz = syllables.length > 0 ? midiToHz(syllables[0].midi) : 220;
  for (const syllable of syllables) {
    const vowel = VOWELS[Math.floor(random() * VOWELS.length)];
    const coefficients = VOWELS[0].map((_, f) => bandPass(vowel[f] * (0.95 + 0.1 * random()), FORMANT_BANDWIDTH_HZ[f]));
    const start = samplesIn(syllable.startMs);
    const length = samplesIn(syllable.lengthMs);
    const attack = samplesIn(25);
    const release = samplesIn(40);
    const consonant = samplesIn(30);
    const targetHz = midiToHz(syllable.midi);
    state.fill(0);
    for (let i = 0; i < length && start + i < out.length; i++) {
      pitchHz += (targetHz - pitchHz) * 0.002;
      const vibrato = 1 + 0.02 * Math.sin((2 * Math.PI * 5.5 * (start + i)) / SAMPLE_RATE);
      phase = (phase + (pitchHz * vibrato) / SAMPLE_RATE) % 1;
      const buzz = 1 - 2 * phase;
      let voiced = 0;
      for (let f = 0; f < 3; f++) {
        const [b0, a1, a2] = coefficients[f];
        const y = b0 * buzz - a1 * state[2 * f] - a2 * state[2 * f + 1];
        state[2 * f + 1] = state[2 * f];
        state[2 * f] = y;
        voiced += FORMANT_GAINS[f] * y;
      }
      const breath = i < consonant ? (random() * 2 - 1) * 0.4 * (1 - i / consonant) : 0;
      const shape = Math.min(1, i / attack, (length - i) / release);
      out[start + i] += gain * (shape * voiced + breath);
    }
  }
}

/** A two-pole resonator, roughly unit gain at its centre: [b0, a1, a2]. */
function bandPass(hz: number, bandwidthHz: number): [number, number, number] {
  const radius = Math.exp((-Math.PI * bandwidthHz) / SAMPLE_RATE);
  const theta = (2 * Math.PI * hz) / SAMPLE_RATE;
  const a1 = -2 * radius * Math.cos(theta);
  const a2 = radius * radius;
  return [1 - radius, a1, a2];
}
