/**
 * A business as plain data, as the scenario loader (sandbox/scenarios) produces it from YAML with every
 * default filled in. Behaviour lives in the runtime (businessCall.ts and its stages); scripts only say
 * how the line answers, what is said, what is asked and where each answer leads.
 */
export type BusinessScript = AnsweringScript | BusyScript | UnansweredScript;

interface ScriptIdentity {
  id: string;
  name: string;
  /** E.164 */
  number: string;
  description?: string;
  /** Ground truth for evaluating a caller against this business. */
  expected?: ScenarioExpectation;
}

export interface BusyScript extends ScriptIdentity {
  pickup: 'busy';
}

export interface UnansweredScript extends ScriptIdentity {
  pickup: 'no-answer';
}

export interface AnsweringScript extends ScriptIdentity {
  pickup: 'answer';
  /** The line is a voicemail box: it answers with `voicemail` (the start place). */
  answeredBy: 'people' | 'voicemail';
  rings: number;
  /** The language facts are said in (dates, amounts). */
  language: 'en' | 'es';
  /** IANA time zone of the business (opening hours, dates it gives), e.g. America/New_York. */
  timeZone: string;
  /** espeak-ng voice of anyone who sets none of their own, e.g. 'en-us' or 'es'. */
  voice: string;
  /** Facts made up per call; lines use them as {name} or, spelled out, {name:spelled}. */
  facts: Record<string, FactSpec>;
  hours?: OpeningHours;
  drop?: CallDrop;
  /** Where a call goes once picked up: a menu, a department or `voicemail`. */
  start: string;
  menus: Record<string, MenuScript>;
  departments: Record<string, DepartmentScript>;
  voicemail?: VoicemailScript;
}

/**
 * Places a call can be sent to: a menu id, a department id, or one of these. In menus `repeat` plays the
 * menu again; in agent turns `next` goes on with the next turn and `again` waits for another answer to
 * the same turn.
 */
export const HANG_UP = 'hang-up';
export const VOICEMAIL = 'voicemail';
export const REPEAT_MENU = 'repeat';
export const NEXT_TURN = 'next';
export const SAME_TURN = 'again';

/**
 * `pattern`: `#` a digit, `@` a capital letter, anything else literal ("ACM#####" -> "ACM48213").
 * `date`: a day some (business) days from the call, said as "Thursday, March 6", recorded as 2025-03-06.
 * `amount`: money within a range, said as "42 dollars and 17 cents", recorded as 42.17.
 * `oneOf`: one of the values.
 */
export type FactSpec =
  | { kind: 'pattern'; pattern: string }
  | { kind: 'date'; daysAhead: [number, number]; businessDays: boolean }
  | { kind: 'amount'; range: [number, number]; currency: string }
  | { kind: 'oneOf'; values: string[] };

export interface OpeningHours {
  /** Open periods by weekday (0 = Sunday), in minutes after local midnight, end exclusive. */
  weekly: Array<{ day: number; from: number; to: number }>;
  /** Said to callers outside the hours, before hanging up. */
  closedMessage: string;
}

export interface CallDrop {
  /** Seconds after pickup when the line goes dead. */
  afterSeconds: number;
  /** Only each caller number's first call drops; calling back works. */
  onlyFirstCall: boolean;
}

export type DigitArrival = 'in-band' | 'out-of-band' | 'either';

export interface MenuScript {
  id: string;
  voice: string;
  /** Said once, before the first prompt of the first visit. */
  greeting?: string;
  prompt: string;
  digits: DigitArrival;
  /** How long the menu waits for input after the prompt. */
  timeoutSeconds: number;
  /** How many times the prompt is played again after no input or invalid input before giving up. */
  repeats: number;
  invalidMessage: string;
  noInputMessage?: string;
  /** Empty when the menu collects digits instead. */
  options: MenuOption[];
  collect?: DigitCollection;
  /** The option (by id) that speech the business cannot recognize selects; otherwise it is invalid input. */
  unrecognizedSpeech?: string;
  onFailure: { say?: string; to: string };
  /** A flaky line: the first key press on the menu's first visit never arrives, and the prompt plays again. */
  ignoresFirstPress?: boolean;
}

export interface MenuOption {
  /** How the option appears in menu paths: its digit, or its first keyword when it has no digit. */
  id: string;
  digit?: string;
  keywords: string[];
  say?: string;
  to: string;
  mark?: string;
}

/** A menu that asks for a number on the keypad (account number, PIN...). */
export interface DigitCollection {
  slot: string;
  /** Entry ends after this many digits... */
  length?: number;
  /** ...or on this key (not part of the value), or after the menu's timeout. */
  terminator?: string;
  expected?: string;
  to: string;
}

export interface DepartmentScript {
  id: string;
  hold?: HoldScript;
  agent: AgentScript;
}

export type HoldMusic = 'chords' | 'pulse' | 'silence';

export interface HoldScript {
  /** Fixed, or [min, max] drawn per call from the seed. */
  seconds: number | [number, number];
  music: HoldMusic;
  voice: string;
  /** Said when the caller enters the queue. */
  greeting?: string;
  announcements?: { everySeconds: number; lines: string[] };
  /** "You are caller number {position}": counts down from `start` to 1 over the hold. */
  position?: { start: number | [number, number]; everySeconds: number; message: string };
}

export interface AgentScript {
  name?: string;
  voice: string;
  /** Said one after another; see AgentTurn. */
  turns: AgentTurn[];
  silence: SilencePolicy;
}

/**
 * The agent says `say`. With `to` it then goes there (transfer, hang-up) without listening; otherwise it
 * waits for the caller's answer: the first reply whose keywords match is taken, then the slot is checked,
 * then the next turn follows. Speech the business cannot recognize counts as an answer (no checks).
 */
export interface AgentTurn {
  say: string[];
  to?: string;
  mark?: string;
  slot?: SlotQuestion;
  replies: AgentReply[];
}

export type SlotKind = 'digits' | 'account-number' | 'zip' | 'last-4' | 'phone' | 'name' | 'date' | 'date-of-birth' | 'yes-no' | 'text';

export interface SlotQuestion {
  name: string;
  kind: SlotKind;
  /** Any of these values passes the check (when the answer was recognized). */
  expected?: string[];
  onMismatch: { say: string[]; retries: number; giveUp?: string; to: string };
}

export interface AgentReply {
  /** Any of these words or phrases in the caller's answer; empty matches any recognized answer. */
  keywords: string[];
  /** Also taken when the answer could not be recognized. */
  unrecognized: boolean;
  say: string[];
  to: string;
  mark?: string;
}

export interface SilencePolicy {
  /** How long the agent waits for the caller before prompting again. */
  repromptAfterMs: number;
  reprompt: string;
  /** Re-prompts in a row before giving up. */
  maxReprompts: number;
  /** Said before hanging up on a silent caller. */
  giveUp: string;
}

export interface VoicemailScript {
  voice: string;
  greeting: string;
  /** The recording stops after this long. */
  maxSeconds: number;
  /** The caller's silence that ends the message. */
  endSilenceSeconds: number;
  goodbye?: string;
}

export const FINAL_STATUSES = ['completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export const REACHED = ['human', 'voicemail', 'closed', 'menu', 'nobody'] as const;

export interface ScenarioExpectation {
  /** The problem a caller should bring to this business (for an evaluation harness to send). */
  issue?: string;
  /** What the caller must know to get through (account number, date of birth...), by label. */
  callerFacts?: Record<string, string>;
  /** Menu options in order: digits, or first keywords of speech-only options. */
  path: string[];
  outcome: {
    finalStatus: (typeof FINAL_STATUSES)[number];
    reached?: (typeof REACHED)[number];
    caseNumber: boolean;
    /** Keywords the reported next steps should mention. */
    nextSteps: string[];
    callbackDate?: boolean;
    /** The business insists on the account holder: the user has to be looped in. */
    needsUser?: boolean;
    /** Calls it takes (a line that drops the first call needs 2). */
    attempts?: number;
  };
  notes?: string;
}
