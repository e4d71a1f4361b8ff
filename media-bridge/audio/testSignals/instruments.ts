import { SAMPLE_RATE } from '../../../common/audio/mulaw.js';
import { samplesIn, type Pcm, type Random } from './pcm.js';

/** Harmonic recipes for band-limited wavetables: amplitude of harmonic n (1-based). */
export const TIMBRES = {
  soft: (n: number) => 1 / (n * n),
  saw: (n: number) => 1 / n,
  square: (n: number) => (n % 2 === 1 ? 1 / n : 0),
  organ: (n: number) => ({ 1: 1, 2: 0.7, 3: 0.5, 4: 0.35, 6: 0.2, 8: 0.15 })[n] ?? 0,
} as const;
export type Timbre = keyof typeof TIMBRES;

const TABLE_SIZE = 1024;
const NYQUIST_MARGIN_HZ = 3700;
const tables = new Map<string, Float32Array>();

/** One period of the timbre at `hz`, with only the harmonics below the phone band's top. */
function wavetable(timbre: Timbre, hz: number): Float32Array {
  const key = `${timbre}:${Math.round(hz * 4)}`;
  let table = tables.get(key);
  if (table) return table;
  table = new Float32Array(TABLE_SIZE);
  for (let n = 1; n * hz < NYQUIST_MARGIN_HZ; n++) {
    const amplitude = TIMBRES[timbre](n);
    if (amplitude === 0) continue;
    for (let i = 0; i < TABLE_SIZE; i++) table[i] += amplitude * Math.sin((2 * Math.PI * n * i) / TABLE_SIZE);
  }
  tables.set(key, table);
  return table;
}

export function midiToHz(midi: number): number {
  return 440 * 2 ** ((midi - 69) / 12);
}

export interface Envelope {
  attackMs: number;
  /** Time constant of the exponential decay after the attack; Infinity holds the level. */
  decayMs: number;
  releaseMs: number;
}

export interface Note {
  startMs: number;
  lengthMs: number;
  midi: number;
  gain: number;
  timbre: Timbre;
  envelope: Envelope;
  vibratoDepth?: number;
}

const VIBRATO_HZ = 5.5;

/** Adds a note into `out`: wavetable oscillator shaped by attack, decay and release. */
export function playNote(out: Pcm, note: Note): void {
  const hz = midiToHz(note.midi);
  const table = wavetable(note.timbre, hz);
  const start = samplesIn(note.startMs);
  const held = samplesIn(note.lengthMs);
  const release = samplesIn(note.envelope.releaseMs);
  const attack = Math.max(1, samplesIn(note.envelope.attackMs));
  const decayPerSample = Number.isFinite(note.envelope.decayMs) ? Math.exp(-1 / samplesIn(note.envelope.decayMs)) : 1;
  const vibrato = note.vibratoDepth ?? 0;
  let phase = 0;
  let decay = 1;
  for (let i = 0; i < held + release && start + i < out.length; i++) {
    if (start + i < 0) continue;
    const bend = 1 + vibrato * Math.sin((2 * Math.PI * VIBRATO_HZ * i) / SAMPLE_RATE);
    phase = (phase + (hz * bend * TABLE_SIZE) / SAMPLE_RATE) % TABLE_SIZE;
    if (i > attack) decay *= decayPerSample;
    const shape = Math.min(1, i / attack) * decay * (i < held ? 1 : 1 - (i - held) / release);
    out[start + i] += note.gain * shape * table[phase | 0];
  }
}

/** A kick drum: a sine falling from 150 to 50 Hz over a fast decay. */
export function playKick(out: Pcm, atMs: number, gain: number): void {
  const start = samplesIn(atMs);
  let phase = 0;
  for (let i = 0; i < samplesIn(250) && start + i < out.length; i++) {
    const t = i / SAMPLE_RATE;
    phase += (2 * Math.PI * (50 + 100 * Math.exp(-t * 30))) / SAMPLE_RATE;
    out[start + i] += gain * Math.exp(-t * 14) * Math.sin(phase);
  }
}

/** A noise hit: hi-hat when short and bright, snare when longer. */
export function playNoiseHit(out: Pcm, atMs: number, lengthMs: number, gain: number, random: Random): void {
  const start = samplesIn(atMs);
  const decay = samplesIn(lengthMs) / 4;
  let previous = 0;
  for (let i = 0; i < samplesIn(lengthMs) && start + i < out.length; i++) {
    const white = random() * 2 - 1;
    // First difference tilts the noise towards the top of the band, like cymbals.
    out[start + i] += gain * Math.exp(-i / decay) * (white - 0.5 * previous);
    previous = white;
  }
}
