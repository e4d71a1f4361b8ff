import type { UsageTotals } from './brain/usageMeter.js';
import type { LineStats } from './holdGate.js';

/** Who the call got to: a phone menu, a person, or a voicemail box (the furthest point reached). */
export type Reached = 'ivr' | 'human' | 'voicemail';

/** What the bridge stores about a call's line and its voice model. */
export type CallLineReport = UsageTotals & LineStats & { reached: Reached | null };
