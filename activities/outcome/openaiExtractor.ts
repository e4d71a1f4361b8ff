import type OpenAI from 'openai';
import type { CallOutcome } from '../../common/outcome.js';
import { WEEKDAYS } from './calendarDays.js';
import { preferConfirmed } from './confirmedValues.js';
import { outcomeResponseFormat } from './outcomeResponseFormat.js';
import { callDayOf, type ExtractionInput } from './ruleBasedExtractor.js';

// The same conventions the hand-labelled fixture corpus follows, so both extractors aim at one target.
const INSTRUCTIONS = [
  'You read transcripts of phone calls an assistant made to a company on behalf of a customer, and extract the outcome.',
  'Use only what the transcript says; what the company side (REPRESENTATIVE: phone menus and people) said is the answer.',
  'resolved: yes = what the customer asked for was done on the call; partial = work under way (case opened, visit booked, callback promised) or less than asked was granted; no = refused or nobody was reached; unknown = no clear result.',
  'caseNumber: the code naming the matter (case, ticket, claim, dispute), else the first code the company gave; referenceNumbers: the other codes. Codes compact and upper-case without spaces or dashes, letters spelled with the NATO alphabet or "D as in David" written as the letter. Account, policy, member, phone and flight numbers are not codes.',
  'amounts: each distinct money value stated, with ISO currency code. dates: each distinct calendar day named, as YYYY-MM-DD, resolving weekdays and "tomorrow" against the call date; durations are not dates.',
  'promisedActions: commitments the company side made about what happens after the call (not "if" offers); who = the company name, with the role in parentheses when a role was named, e.g. "Acme (technician)"; by = the deadline as YYYY-MM-DD (business days skip weekends, ranges take the far end) or null.',
  'nextSteps: what the customer should do or expect, as short sentences. followUp: needed unless the matter was settled or the company closed it pointing to another channel; when = YYYY-MM-DD of the promised callback, else the last promised deadline, else null.',
  'summary: two sentences for the customer.',
].join('\n');

const compact = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

/** Extraction by a chat model with structured outputs; values confirmed on the call still win. */
export async function extractOutcomeWithOpenAI(client: OpenAI, model: string, input: ExtractionInput): Promise<CallOutcome> {
  const callDay = callDayOf(input);
  const weekday = WEEKDAYS[new Date(`${callDay}T00:00:00Z`).getUTCDay()];
  const transcript = input.transcript
    .map((l) => `${l.speaker === 'agent' ? 'AGENT' : l.speaker === 'callee' ? 'REPRESENTATIVE' : 'SYSTEM'}: ${l.text}`)
    .join('\n');
  const completion = await client.chat.completions.parse({
    model,
    messages: [
      { role: 'system', content: INSTRUCTIONS },
      {
        role: 'user',
        content: `Call date: ${callDay} (${weekday})\nCompany: ${input.company ?? 'unknown'}\nCustomer's issue: ${input.issue}\n\nTranscript:\n${transcript}`,
      },
    ],
    response_format: outcomeResponseFormat(),
  });
  const message = completion.choices[0]?.message;
  if (message?.refusal) throw new Error(`the extraction model refused: ${message.refusal}`);
  const extracted = message?.parsed;
  if (!extracted) throw new Error('the extraction model returned no content');
  return preferConfirmed(
    { ...extracted, caseNumber: extracted.caseNumber && compact(extracted.caseNumber), referenceNumbers: extracted.referenceNumbers.map(compact) },
    input.confirmed,
  );
}
