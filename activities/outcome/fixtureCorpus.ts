import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { confirmedOutcomeSchema } from '../../common/outcome.js';
import type { TranscriptLine } from '../../db/calls.js';
import type { ExtractionInput } from './ruleBasedExtractor.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');

/**
 * What a careful reader takes from a transcript. Conventions the labels follow:
 * - only what the company's side ('callee': IVR prompts and representatives) said counts as stated;
 * - resolved: yes = what was asked was done on the call (money may still be on its way); partial = work under way
 *   or less than asked granted; no = refused or nobody reached; unknown = the call ended without a clear result;
 * - caseNumber: the first code introduced as a case/ticket/claim/dispute number, else the first code the company
 *   gave (confirmation, reference, work order...); referenceNumbers: the other codes; account, policy, member,
 *   phone and flight numbers are not outcome codes;
 * - amounts: distinct money values; dates: distinct calendar days named (explicit dates, weekdays, today,
 *   tomorrow) resolved against callDate; durations ("within 48 hours") and bare months are not dates;
 * - promisedActions: commitments the company's side made about what happens after the call ("if..." offers and
 *   what the customer must do excluded); `keyword` must appear in the action, `who` in the party, and `by` is the
 *   deadline stated for that commitment, resolved to a day (business days skip weekends; ranges take the far end;
 *   a duration counted from a later event, "once we receive it", has none);
 * - nextStepKeywords: each must appear in the next steps; an empty list means there should be none;
 * - followUp: needed unless the issue was resolved or a person closed the matter pointing to another channel;
 *   when = the callback day they asked for or promised, else the latest promised deadline, else the latest
 *   coming day named, else null.
 */
const expectedOutcomeSchema = z.object({
  resolved: z.enum(['yes', 'no', 'partial', 'unknown']),
  caseNumber: z.string().nullable(),
  referenceNumbers: z.array(z.string()),
  amounts: z.array(z.number()),
  dates: z.array(isoDay),
  promisedActions: z.array(z.object({ keyword: z.string().min(1), who: z.string().min(1), by: isoDay.nullable() })),
  nextStepKeywords: z.array(z.string().min(1)),
  followUp: z.object({ needed: z.boolean(), when: isoDay.nullable() }),
});
export type ExpectedOutcome = z.infer<typeof expectedOutcomeSchema>;

const fixtureSchema = z.object({
  title: z.string().min(1),
  callDate: isoDay,
  company: z.string().nullable(),
  issue: z.string().min(1),
  confirmed: confirmedOutcomeSchema,
  transcript: z.array(z.tuple([z.enum(['agent', 'callee', 'system']), z.string()])).min(1),
  expected: expectedOutcomeSchema,
});

export interface OutcomeFixture {
  file: string;
  title: string;
  input: ExtractionInput;
  expected: ExpectedOutcome;
}

const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The hand-written transcripts with the outcome a careful reader expects, sorted by file name. */
export function loadOutcomeFixtures(dir = FIXTURE_DIR): OutcomeFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = fixtureSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`fixture ${file} is invalid: ${z.prettifyError(parsed.error)}`);
      const f = parsed.data;
      const startsAt = Date.parse(`${f.callDate}T15:00:00Z`);
      const transcript: TranscriptLine[] = f.transcript.map(([speaker, text], i) => ({
        seq: i + 1, speaker, text, at: new Date(startsAt + i * 15_000).toISOString(),
      }));
      return {
        file,
        title: f.title,
        input: { company: f.company, issue: f.issue, transcript, confirmed: f.confirmed, callDate: f.callDate },
        expected: f.expected,
      };
    });
}
