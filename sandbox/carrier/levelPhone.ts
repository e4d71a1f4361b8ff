import { decodeSample, encodeSample, FRAME_BYTES, MULAW_SILENCE } from '../../common/audio/mulaw.js';
import type { AnsweringBusiness, BusinessLine } from '../businesses/business.js';

/**
 * Test double of a phone that says one steady level and keeps every frame it hears, so a test can read
 * off a conference's mix (levels add up). Used only by the carrier's tests.
 */
export class LevelLine implements BusinessLine {
  readonly facts = {};
  readonly heard = [];
  readonly heardFrames: Buffer[] = [];
  ended = false;

  constructor(private readonly level: number) {}

  tick(heard: Buffer): Buffer {
    this.heardFrames.push(heard);
    return Buffer.alloc(FRAME_BYTES, this.level === 0 ? MULAW_SILENCE : encodeSample(this.level));
  }

  hearDigit(): void {}

  end(): void {
    this.ended = true;
  }

  /** The level of the latest frame heard. */
  get hearing(): number {
    return decodeSample(this.heardFrames.at(-1)?.[0] ?? MULAW_SILENCE);
  }
}

/** Level phones by number; each answer replaces the number's line. */
export class LevelPhones {
  readonly lines = new Map<string, LevelLine>();

  phone(number: string, level: number, rings = 1): AnsweringBusiness {
    return {
      id: `level-${level}`,
      name: `Level ${level}`,
      number,
      pickup: 'answer',
      rings,
      answer: () => {
        const line = new LevelLine(level);
        this.lines.set(number, line);
        return line;
      },
    };
  }
}

/** Whether a level read off a mix is the expected one, within mu-law's quantisation. */
export const nearLevel = (actual: number, expected: number) => Math.abs(actual - expected) <= Math.max(64, expected * 0.04);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds, failing the test with `what` after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check()); await sleep(20)) if (Date.now() > deadline) throw new Error(what);
}

