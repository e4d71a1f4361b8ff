import { z } from 'zod';
import { FINAL_STATUSES, REACHED } from '../businesses/businessScript.js';
import { CURRENCIES } from '../businesses/callFacts.js';
import { isKnownTimeZone } from '../businesses/localTime.js';

/**
 * The scenario file format (YAML), as documented in docs/scenarios.md. This schema checks each field
 * on its own; scenarioChecks.ts checks what fields say about each other (places, facts, paths).
 */

const ID = /^[a-z0-9][a-z0-9-]*$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const VOICE = /^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)?$/;
const KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'] as const;

const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'must not be empty' });
const id = z.string({ error: 'expected an id' }).regex(ID, { error: 'expected an id of lower-case letters, digits and dashes' });
/** Facts and slots are named like variables: caseNumber, date_of_birth. */
const name = z.string({ error: 'expected a name' }).regex(/^[A-Za-z]\w*$/, { error: 'expected a name of letters, digits and _ (such as caseNumber)' });
const place = z.string({ error: 'expected a place: a menu or department id, hang-up or voicemail' }).regex(ID, {
  error: 'expected a place: a menu or department id, hang-up or voicemail',
});
const voice = z.string({ error: 'expected an espeak-ng voice name' }).regex(VOICE, { error: 'expected an espeak-ng voice name such as en-us, en-gb+f3 or es' });
const seconds = z.number({ error: 'expected a number of seconds' }).positive({ error: 'must be more than 0' });
const count = z.number({ error: 'expected a whole number' }).int({ error: 'expected a whole number' }).min(0, { error: 'must not be negative' });

/** One line, or several said one after another as one turn. */
const lines = z
  .union([text, z.array(text).min(1, { error: 'must list at least one line' })], { error: 'expected a line of text or a list of lines' })
  .transform((value) => (Array.isArray(value) ? value : [value]));

const range = z
  .tuple([z.number(), z.number()], { error: 'expected [min, max]' })
  .refine(([min, max]) => min <= max, { error: 'min must not be more than max' });
const secondsOrRange = z.union([seconds, range], { error: 'expected seconds, or [min, max] seconds' });

const key = z.union([z.enum(KEYS), z.number().int().min(0).max(9).transform(String)], { error: 'expected one of 0-9 * # (quote "*" and "#")' });
/** Digits as text: unquoted YAML numbers lose leading zeros ("02139" would read as 2139). */
const digitString = z.string({ error: 'expected digits in quotes, e.g. "02139"' }).regex(/^[0-9]+$/, { error: 'expected digits only' });
const keywords = z.array(text, { error: 'expected a list of words or phrases' });
const mark = z.string({ error: 'expected a mark name' }).regex(ID, { error: 'expected a mark name of lower-case letters, digits and dashes' });

const DIGIT_ARRIVALS = ['in-band', 'out-of-band', 'either'] as const;
const digitArrival = z.enum(DIGIT_ARRIVALS, { error: `expected one of ${DIGIT_ARRIVALS.join(', ')}` });

const fact = z.union(
  [
    text.transform((pattern) => ({ kind: 'pattern' as const, pattern })),
    z.strictObject({ pattern: text }).transform(({ pattern }) => ({ kind: 'pattern' as const, pattern })),
    z.strictObject({ oneOf: z.array(text).min(1) }).transform(({ oneOf }) => ({ kind: 'oneOf' as const, values: oneOf })),
    z
      .strictObject({ daysAhead: z.union([count, range], { error: 'expected a number of days, or [min, max]' }), businessDays: z.boolean().default(false) })
      .transform(({ daysAhead, businessDays }) => ({
        kind: 'date' as const,
        daysAhead: (Array.isArray(daysAhead) ? daysAhead : [daysAhead, daysAhead]) as [number, number],
        businessDays,
      })),
    z
      .strictObject({ amount: range, currency: z.enum(CURRENCIES).default('USD') })
      .transform(({ amount, currency }) => ({ kind: 'amount' as const, range: amount, currency })),
  ],
  { error: 'expected a pattern such as "ACM#####", or {pattern}, {oneOf: [...]}, {daysAhead: n | [min, max], businessDays}, {amount: [min, max], currency}' },
);

const line = z.strictObject({
  pickup: z.enum(['answer', 'busy', 'no-answer', 'voicemail'], { error: 'expected one of answer, busy, no-answer, voicemail' }).default('answer'),
  rings: count.min(1, { error: 'must be at least 1' }).max(30, { error: 'at most 30 (the caller gives up first)' }).default(1),
  dropAfterSeconds: seconds.optional(),
  dropOnlyFirstCall: z.boolean().default(false),
});

const hours = z.strictObject({
  open: z.record(z.string(), z.string({ error: 'expected opening times such as "09:00-17:00" or "09:00-12:00, 13:00-17:00"' })),
  closedMessage: text,
});

const option = z.strictObject({
  digit: key.optional(),
  keywords: keywords.default([]),
  say: text.optional(),
  to: place,
  mark: mark.optional(),
});

const collect = z.strictObject({
  slot: name,
  length: count.min(1).optional(),
  terminator: key.optional(),
  expected: digitString.optional(),
  to: place,
});

const menu = z.strictObject({
  greeting: text.optional(),
  prompt: text,
  voice: voice.optional(),
  digits: digitArrival.optional(),
  timeoutSeconds: seconds.optional(),
  repeats: count.optional(),
  invalidMessage: text.optional(),
  noInputMessage: text.optional(),
  options: z.array(option).optional(),
  collect: collect.optional(),
  unrecognizedSpeech: z.union([key, text], { error: 'expected an option: its digit, or its first keyword' }).optional(),
  onFailure: z.strictObject({ say: text.optional(), to: place }).optional(),
  /** A flaky line: the first key press on this menu is lost and the prompt plays again. */
  ignoresFirstPress: z.boolean({ error: 'expected true or false' }).optional(),
});

const ivr = z.strictObject({
  voice: voice.optional(),
  digits: digitArrival.default('either'),
  timeoutSeconds: seconds.default(6),
  repeats: count.default(2),
  invalidMessage: text.optional(),
  noInputMessage: text.optional(),
  menus: z.record(id, menu),
});

const hold = z.strictObject({
  seconds: secondsOrRange,
  music: z.enum(['chords', 'pulse', 'silence'], { error: 'expected one of chords, pulse, silence' }).default('chords'),
  voice: voice.optional(),
  greeting: text.optional(),
  announcements: z.strictObject({ everySeconds: seconds, lines: lines }).optional(),
  position: z
    .strictObject({
      start: z.union([count.min(1), range], { error: 'expected a position, or [min, max]' }),
      everySeconds: seconds,
      message: text,
    })
    .optional(),
});

const SLOT_KINDS = ['digits', 'account-number', 'zip', 'last-4', 'phone', 'name', 'date', 'date-of-birth', 'yes-no', 'text'] as const;
const expectedValue = z.union([z.string(), z.array(z.string()).min(1)], { error: 'expected a value in quotes (numbers too: "02139"), or a list of values' });

const slot = z.strictObject({
  name,
  kind: z.enum(SLOT_KINDS, { error: `expected one of ${SLOT_KINDS.join(', ')}` }),
  expected: expectedValue.optional().transform((value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value])),
  onMismatch: z
    .strictObject({
      say: lines,
      retries: count.default(1),
      giveUp: text.optional(),
      to: place.default('hang-up'),
    })
    .optional(),
});

const reply = z.strictObject({
  keywords: keywords.default([]),
  unrecognized: z.boolean().default(false),
  say: lines.optional(),
  to: place.default('next'),
  mark: mark.optional(),
});

const turn = z.strictObject({
  say: lines,
  to: place.optional(),
  mark: mark.optional(),
  slot: slot.optional(),
  replies: z.array(reply).default([]),
});

const agent = z.strictObject({
  name: text.optional(),
  voice: voice.optional(),
  turns: z.array(turn).min(1, { error: 'an agent needs at least one turn' }),
  silence: z
    .strictObject({
      afterSeconds: seconds.optional(),
      reprompt: text.optional(),
      maxReprompts: count.optional(),
      giveUp: text.optional(),
    })
    .default({}),
});

const department = z.strictObject({ hold: hold.optional(), agent });

const voicemail = z.strictObject({
  greeting: text,
  voice: voice.optional(),
  maxSeconds: seconds.default(60),
  endSilenceSeconds: seconds.default(3),
  goodbye: text.optional(),
});

const expected = z.strictObject({
  issue: text.optional(),
  callerFacts: z.record(z.string(), z.union([z.string(), z.number().transform(String)], { error: 'expected a value' })).optional(),
  path: z.array(z.union([key, text]), { error: 'expected a list of menu choices, e.g. ["1", "3"]' }).default([]),
  outcome: z.strictObject({
    finalStatus: z.enum(FINAL_STATUSES, { error: `expected one of ${FINAL_STATUSES.join(', ')}` }),
    reached: z.enum(REACHED, { error: `expected one of ${REACHED.join(', ')}` }).optional(),
    caseNumber: z.boolean().default(false),
    nextSteps: keywords.default([]),
    callbackDate: z.boolean().optional(),
    needsUser: z.boolean().optional(),
    attempts: count.min(1).optional(),
  }),
  notes: text.optional(),
});

export const scenarioSchema = z.strictObject({
  id: id.optional(),
  name: text,
  number: z.string({ error: 'expected an E.164 number in quotes, e.g. "+18005550123"' }).regex(E164, {
    error: 'expected an E.164 number in quotes, e.g. "+18005550123"',
  }),
  description: text.optional(),
  language: z.enum(['en', 'es'], { error: 'expected en or es' }).default('en'),
  voice: voice.optional(),
  timezone: z
    .string({ error: 'expected an IANA time zone such as America/New_York' })
    .refine(isKnownTimeZone, { error: 'unknown time zone (expected an IANA name such as America/New_York)' })
    .default('America/New_York'),
  line: line.default({ pickup: 'answer', rings: 1, dropOnlyFirstCall: false }),
  hours: hours.optional(),
  facts: z.record(name, fact).default({}),
  start: place.optional(),
  ivr: ivr.optional(),
  departments: z.record(id, department).default({}),
  voicemail: voicemail.optional(),
  expected,
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioMenu = z.output<typeof menu>;
