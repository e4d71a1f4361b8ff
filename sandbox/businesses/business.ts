import type { ScenarioExpectation } from './businessScript.js';
import type { CallReport } from './callRecord.js';

/** What the carrier needs from a business that can be phoned in the sandbox. */
export type Business = AnsweringBusiness | BusyBusiness | UnansweredBusiness;

interface BusinessIdentity {
  readonly id: string;
  readonly name: string;
  /** E.164, e.g. +18005550101. */
  readonly number: string;
  readonly description?: string;
  /** How an evaluation should find the call went (ground truth). */
  readonly expected?: ScenarioExpectation;
}

export interface AnsweringBusiness extends BusinessIdentity {
  readonly pickup: 'answer';
  /** Who picks up: for the listing only, the carrier treats both alike. */
  readonly answeredBy?: 'people' | 'voicemail';
  /** Whether a call now would find the business within its opening hours. */
  openNow?(): boolean;
  /** How many rings before someone picks up. */
  readonly rings: number;
  answer(call: BusinessCallContext): BusinessLine;
}

/** Always engaged: the call ends `busy`. */
export interface BusyBusiness extends BusinessIdentity {
  readonly pickup: 'busy';
}

/** Rings until the caller's Timeout: the call ends `no-answer`. */
export interface UnansweredBusiness extends BusinessIdentity {
  readonly pickup: 'no-answer';
}

export interface BusinessCallContext {
  callSid: string;
  from: string;
  to: string;
  /** The carrier's seed; with callSid it makes per-call facts (case numbers...) reproducible. */
  seed: string;
  /** The business hangs up; the call completes. */
  hangUp(): void;
  /** The business presses a key (the caller's stream gets a `dtmf` message). */
  pressDigit(digit: string): void;
}

/** The business's end of one answered call, driven by the carrier's 20 ms frame clock. */
export interface BusinessLine {
  /** One frame: `heard` is what the caller said in these 20 ms; returns what the business says. */
  tick(heard: Buffer): Buffer;
  /** A key the caller pressed (out of band, like RFC 2833 telephone events). */
  hearDigit(digit: string): void;
  /** The call is over (either side hung up). */
  end(): void;
  /** Ground truth for tests: facts the business gave out (case numbers...) and what it understood. */
  readonly facts: Readonly<Record<string, string>>;
  readonly heard: readonly string[];
  /** Ground truth: what happened on the call (keys, menu path, hold, ...), for businesses that keep it. */
  report?(): CallReport;
}

export interface BusinessSummary {
  id: string;
  name: string;
  number: string;
  pickup: Business['pickup'] | 'voicemail';
  description: string | null;
  /** Null for lines nobody answers. */
  openNow: boolean | null;
  expected: ScenarioExpectation | null;
}

export function summarizeBusiness(business: Business): BusinessSummary {
  const pickup = business.pickup === 'answer' && business.answeredBy === 'voicemail' ? 'voicemail' : business.pickup;
  return {
    id: business.id,
    name: business.name,
    number: business.number,
    pickup,
    description: business.description ?? null,
    openNow: business.pickup === 'answer' ? (business.openNow?.() ?? true) : null,
    expected: business.expected ?? null,
  };
}
