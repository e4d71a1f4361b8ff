import { encodeMulaw, FRAME_BYTES, SAMPLE_RATE, silence } from '../../common/audio/mulaw.js';
import type { HoldMusic } from './businessScript.js';

const CHORD_SECONDS = 2;
/** C major, A minor, F major, G major: root-position triads with the root an octave down as bass. */
const PROGRESSION = [
  [130.81, 261.63, 329.63, 392.0],
  [110.0, 220.0, 261.63, 329.63],
  [87.31, 174.61, 220.0, 261.63],
  [98.0, 196.0, 246.94, 293.66],
];
const NOTE_AMPLITUDE = 0.05 * 32767;
const CHIME_NOTES = [659.25, 523.25];
const CHIME_NOTE_SECONDS = 0.35;
const CHIME_EVERY_SECONDS = 4;
const CHIME_AMPLITUDE = 0.12 * 32767;

/** Attack and release ramps so each note starts and stops without a click. */
function envelope(t: number, length: number): number {
  const ramp = 0.05;
  return Math.min(1, t / ramp, (length - t) / ramp) * (1 - 0.3 * (t / length));
}

function chords(): Buffer {
  const perChord = SAMPLE_RATE * CHORD_SECONDS;
  const samples = new Int16Array(perChord * PROGRESSION.length);
  PROGRESSION.forEach((notes, index) => {
    for (let i = 0; i < perChord; i++) {
      const t = i / SAMPLE_RATE;
      const level = envelope(t, CHORD_SECONDS) * NOTE_AMPLITUDE;
      samples[index * perChord + i] = notes.reduce((sum, hz) => sum + level * Math.sin(2 * Math.PI * hz * t), 0);
    }
  });
  return encodeMulaw(samples);
}

function chime(): Buffer {
  const samples = new Int16Array(SAMPLE_RATE * CHIME_EVERY_SECONDS);
  const perNote = SAMPLE_RATE * CHIME_NOTE_SECONDS;
  CHIME_NOTES.forEach((hz, index) => {
    for (let i = 0; i < perNote; i++) {
      const t = i / SAMPLE_RATE;
      samples[index * perNote + i] = envelope(t, CHIME_NOTE_SECONDS) * CHIME_AMPLITUDE * Math.sin(2 * Math.PI * hz * t);
    }
  });
  return encodeMulaw(samples);
}

const loops = new Map<HoldMusic, Buffer>();

/** One loop of the music, rendered once per process (a whole number of frames long). */
function loopOf(kind: HoldMusic): Buffer {
  let loop = loops.get(kind);
  if (!loop) {
    loop = kind === 'chords' ? chords() : kind === 'pulse' ? chime() : silence(1000);
    loops.set(kind, loop);
  }
  return loop;
}

/** Synthesized hold music, 20 ms at a time: a soft chord progression, a periodic chime, or silence. */
export class HoldMusicPlayer {
  private offset = 0;

  constructor(private readonly kind: HoldMusic) {}

  nextFrame(): Buffer {
    const loop = loopOf(this.kind);
    const frame = loop.subarray(this.offset, this.offset + FRAME_BYTES);
    this.offset = (this.offset + FRAME_BYTES) % loop.length;
    return Buffer.from(frame);
  }
}
