import { playKick, playNoiseHit, playNote, type Envelope, type Note } from './instruments.js';
import { levelledTo, lineNoise, mixInto, seededRandom, type Pcm, type Random } from './pcm.js';
import { singSyllables, type Syllable } from './vocalLine.js';

/**
 * Music on hold, synthesized: chord progressions with a beat, melodies over pads, arpeggios,
 * a voice-like sung line, always with a little hiss, band-limited like a phone line.
 */
export type HoldMusicStyle = 'pads' | 'piano' | 'upbeat' | 'lead' | 'vocal';
export const HOLD_MUSIC_STYLES: readonly HoldMusicStyle[] = ['pads', 'piano', 'upbeat', 'lead', 'vocal'];

export interface HoldMusicOptions {
  style: HoldMusicStyle;
  ms: number;
  /** RMS level of the result, dBFS. */
  levelDbfs: number;
  seed?: number;
}

/** Chord progressions as semitone offsets of each chord's root, with minor chords flagged. */
const PROGRESSIONS: ReadonlyArray<ReadonlyArray<readonly [number, boolean]>> = [
  [[0, false], [7, false], [9, true], [5, false]],
  [[0, false], [9, true], [5, false], [7, false]],
  [[2, true], [7, false], [0, false], [0, false]],
  [[0, false], [5, false], [0, false], [7, false]],
];
const PAD: Envelope = { attackMs: 250, decayMs: Infinity, releaseMs: 350 };
const PLUCK: Envelope = { attackMs: 4, decayMs: 350, releaseMs: 60 };
const STAB: Envelope = { attackMs: 5, decayMs: 120, releaseMs: 40 };
const LEAD: Envelope = { attackMs: 30, decayMs: Infinity, releaseMs: 60 };
const BASS: Envelope = { attackMs: 10, decayMs: 600, releaseMs: 80 };

interface Bar {
  startMs: number;
  beatMs: number;
  root: number;
  chord: number[];
}

export function holdMusic(options: HoldMusicOptions): Pcm {
  const random = seededRandom(options.seed ?? 1);
  const out = new Float32Array(Math.round(options.ms * 8));
  const tempo = { pads: 72, piano: 90, upbeat: 122, lead: 96, vocal: 100 }[options.style] + Math.floor(random() * 12);
  const beatMs = 60000 / tempo;
  const key = 55 + Math.floor(random() * 10);
  const progression = PROGRESSIONS[Math.floor(random() * PROGRESSIONS.length)];
  for (let bar = 0, startMs = 0; startMs < options.ms; bar++, startMs += beatMs * 4) {
    const [offset, minor] = progression[bar % progression.length];
    const root = key + offset;
    const chord = [root, root + (minor ? 3 : 4), root + 7, root + 12];
    STYLES[options.style](out, { startMs, beatMs, root, chord }, random);
  }
  mixInto(out, lineNoise(options.ms, -60, random), 0, 1);
  return levelledTo(highPassed(out), options.levelDbfs);
}

const STYLES: Record<HoldMusicStyle, (out: Pcm, bar: Bar, random: Random) => void> = {
  pads(out, bar) {
    playPad(out, bar, 0.25);
    note(out, bar.startMs, bar.beatMs * 4, bar.root - 24, 0.5, 'saw', BASS);
    playKick(out, bar.startMs, 0.5);
    playKick(out, bar.startMs + bar.beatMs * 2, 0.4);
  },
  piano(out, bar, random) {
    note(out, bar.startMs, bar.beatMs * 4, bar.root - 12, 0.35, 'soft', { ...PLUCK, decayMs: 1500 });
    for (let eighth = 0; eighth < 8; eighth++) {
      const midi = bar.chord[[0, 1, 2, 3, 2, 1, 2, 3][eighth]] + 12;
      note(out, bar.startMs + (eighth * bar.beatMs) / 2, bar.beatMs / 2, midi, 0.25, 'soft', PLUCK);
    }
    playMelody(out, bar, random, 'soft', PLUCK, 0.3);
  },
  upbeat(out, bar, random) {
    for (let beat = 0; beat < 4; beat++) {
      const at = bar.startMs + beat * bar.beatMs;
      playKick(out, at, 0.8);
      if (beat % 2 === 1) playNoiseHit(out, at, 140, 0.25, random);
      for (const eighth of [0, 0.5]) playNoiseHit(out, at + eighth * bar.beatMs, 45, 0.12, random);
      note(out, at, bar.beatMs / 2, bar.root - 24, 0.45, 'square', BASS);
      note(out, at + bar.beatMs / 2, bar.beatMs / 3, bar.root, 0.18, 'saw', STAB);
      note(out, at + bar.beatMs / 2, bar.beatMs / 3, bar.chord[1], 0.18, 'saw', STAB);
    }
  },
  lead(out, bar, random) {
    playPad(out, bar, 0.15);
    note(out, bar.startMs, bar.beatMs * 4, bar.root - 24, 0.35, 'saw', BASS);
    playMelody(out, bar, random, 'square', LEAD, 0.3, 0.008);
  },
  vocal(out, bar, random) {
    playPad(out, bar, 0.1);
    playKick(out, bar.startMs, 0.4);
    playKick(out, bar.startMs + bar.beatMs * 2, 0.4);
    // The voice sings in every other bar, phrases of syllables like a pop vocal.
    if (random() < 0.5) return;
    const syllables: Syllable[] = [];
    for (let at = 0; at < bar.beatMs * 3.5; ) {
      const lengthMs = bar.beatMs * (random() < 0.5 ? 0.5 : 0.25) + random() * 60;
      syllables.push({ startMs: bar.startMs + at, lengthMs, midi: bar.chord[Math.floor(random() * 3)] + 5 });
      at += lengthMs + 30 + random() * 50;
    }
    singSyllables(out, syllables, 2, random);
  },
};

function note(out: Pcm, startMs: number, lengthMs: number, midi: number, gain: number, timbre: Note['timbre'], envelope: Envelope): void {
  playNote(out, { startMs, lengthMs, midi, gain, timbre, envelope });
}

function playPad(out: Pcm, bar: Bar, gain: number): void {
  for (const midi of bar.chord) {
    playNote(out, { startMs: bar.startMs, lengthMs: bar.beatMs * 4, midi, gain, timbre: 'organ', envelope: PAD, vibratoDepth: 0.002 });
  }
}

function playMelody(out: Pcm, bar: Bar, random: Random, timbre: Note['timbre'], envelope: Envelope, gain: number, vibratoDepth = 0): void {
  const scale = [0, 2, 4, 7, 9, 12, 14];
  for (let beat = 0; beat < 4; ) {
    const beats = random() < 0.3 ? 2 : 1;
    const midi = bar.root + 12 + scale[Math.floor(random() * scale.length)];
    playNote(out, { startMs: bar.startMs + beat * bar.beatMs, lengthMs: beats * bar.beatMs * 0.9, midi, gain, timbre, envelope, vibratoDepth });
    beat += beats;
  }
}

/** Second-order high-pass at ~250 Hz: the phone line's lower edge. */
function highPassed(pcm: Pcm): Pcm {
  const r = 0.82;
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < pcm.length; i++) {
    const x = pcm[i];
    const y = x - 2 * x1 + x2 + 2 * r * y1 - r * r * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    pcm[i] = y * 0.7;
  }
  return pcm;
}
