import { FRAME_MS } from '../../common/audio/mulaw.js';

/** What is recorded for speech the business heard but could not recognize (a real AI voice, say). */
export const UNRECOGNIZED_SPEECH = '(unrecognized speech)';

export type KeyArrival = 'in-band' | 'out-of-band';

export interface KeyPress {
  digit: string;
  /** How the key reached the business; both when the caller's keypad sent tones and events. */
  via: KeyArrival[];
  /** Whether the menu listening at the time accepted it (a menu may take only one kind of digit). */
  accepted: boolean;
  atSeconds: number;
}

export interface SlotRecord {
  /** What the caller said or keyed, or "(unrecognized speech)". */
  heard: string;
  /** The value taken from it (digits, ISO date, yes/no...), null when nothing usable was heard. */
  value: string | null;
  /** Against the expected value; null when there was none or the speech could not be recognized. */
  matched: boolean | null;
}

/** Ground truth of one call: what the caller did and got, for tests and evaluation. */
export interface CallReport {
  /** Which call this was from the caller's number (1 = first). */
  attempt: number;
  closed: boolean;
  dropped: boolean;
  keys: KeyPress[];
  /** Menu options chosen, in order (digits, or first keywords of speech-only options). */
  menuPath: string[];
  menus: string[];
  departments: string[];
  holdSeconds: number;
  humanAnsweredAt: string | null;
  humanAnsweredAfterSeconds: number | null;
  slots: Record<string, SlotRecord>;
  /** Notable moments scripts flag (`mark:`), e.g. "account-holder-required", "escalated". */
  marks: string[];
  voicemail: { message: string; seconds: number } | null;
}

/** The report of a call the business never answered. */
export function noCallReport(): CallReport {
  return {
    attempt: 0,
    closed: false,
    dropped: false,
    keys: [],
    menuPath: [],
    menus: [],
    departments: [],
    holdSeconds: 0,
    humanAnsweredAt: null,
    humanAnsweredAfterSeconds: null,
    slots: {},
    marks: [],
    voicemail: null,
  };
}

/** Collects a CallReport while the call runs; times are counted in the call's 20 ms frames. */
export class CallRecorder {
  private readonly report: CallReport;

  constructor(
    attempt: number,
    private readonly now: () => Date,
  ) {
    this.report = { ...noCallReport(), attempt };
  }

  snapshot(): CallReport {
    return structuredClone(this.report);
  }

  closedHours(): void {
    this.report.closed = true;
  }

  dropped(): void {
    this.report.dropped = true;
  }

  key(press: KeyPress): void {
    this.report.keys.push(press);
  }

  menu(id: string): void {
    this.report.menus.push(id);
  }

  choice(optionId: string): void {
    this.report.menuPath.push(optionId);
  }

  department(id: string): void {
    this.report.departments.push(id);
  }

  held(frames: number): void {
    this.report.holdSeconds = Math.round((this.report.holdSeconds + seconds(frames)) * 100) / 100;
  }

  humanAnswered(frame: number): void {
    if (this.report.humanAnsweredAt !== null) return;
    this.report.humanAnsweredAt = this.now().toISOString();
    this.report.humanAnsweredAfterSeconds = seconds(frame);
  }

  slot(name: string, record: SlotRecord): void {
    this.report.slots[name] = record;
  }

  mark(mark: string | undefined): void {
    if (mark) this.report.marks.push(mark);
  }

  voicemail(message: string, frames: number): void {
    this.report.voicemail = { message, seconds: seconds(frames) };
  }
}

export function seconds(frames: number): number {
  return Math.round(frames * FRAME_MS) / 1000;
}
