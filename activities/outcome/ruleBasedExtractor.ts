import type { CallOutcome, ConfirmedOutcome } from '../../common/outcome.js';
import type { TranscriptLine } from '../../db/calls.js';
import { readSpokenCode } from './spokenCodes.js';

export interface ExtractionInput {
  company: string | null;
  issue: string;
  transcript: TranscriptLine[];
  confirmed: ConfirmedOutcome;
}

const CODE_INTRO = /\b(case|reference|ticket|confirmation|claim|incident)\s*(number|no\.?|#|id)?\s*(is|:|will be)?\s*/gi;
const PROMISE = /\b(will|'ll|within|expect|should (?:see|receive)|please)\b/i;
const RESOLVED = /\b(has been|have been|is now|was)\s+(refunded|resolved|fixed|processed|credited|reversed|cancelled)\b/i;
const REFUSED = /\b(unable to|can ?not|can't|won't be able|not able to)\b/i;

/** The offline extractor: plain rules over what the representative said. */
export function extractOutcomeByRules(input: ExtractionInput): CallOutcome {
  const theirLines = input.transcript.filter((l) => l.speaker === 'callee').map((l) => l.text);
  const sentences = theirLines.flatMap((t) => t.split(/(?<=[.!?])\s+/)).filter(Boolean);

  const codes: string[] = [];
  for (const text of theirLines) {
    for (const match of text.matchAll(CODE_INTRO)) {
      const code = readSpokenCode(text.slice(match.index! + match[0].length));
      if (code && !codes.includes(code)) codes.push(code);
    }
  }
  const promises = sentences.filter((s) => PROMISE.test(s) && !/anything else|help you with/i.test(s));
  const amounts = [...theirLines.join(' ').matchAll(/\$\s?(\d+(?:,\d{3})*(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s+dollars/gi)].map((m) => ({
    value: Number((m[1] ?? m[2]).replace(/,/g, '')),
    currency: 'USD',
    context: m[0],
  }));

  const confirmedSteps = input.confirmed.nextSteps === undefined ? [] : [input.confirmed.nextSteps].flat().filter(Boolean);
  const caseNumber = input.confirmed.caseNumber ?? codes[0] ?? null;
  const nextSteps = confirmedSteps.length ? confirmedSteps : promises;
  const resolved =
    input.confirmed.resolved ??
    (sentences.some((s) => RESOLVED.test(s)) ? 'yes' : caseNumber || promises.length ? 'partial' : sentences.some((s) => REFUSED.test(s)) ? 'no' : 'unknown');

  const confirmedFields = Object.entries(input.confirmed).filter(([, v]) => v !== undefined).map(([k]) => k);
  return {
    resolved,
    caseNumber,
    referenceNumbers: codes.filter((c) => c !== caseNumber),
    amounts,
    dates: [],
    promisedActions: promises.map((action) => ({ action, who: input.company ?? 'the company', by: null })),
    nextSteps,
    followUp: { needed: resolved !== 'yes', when: null, reason: resolved === 'yes' ? null : 'the issue is not fully resolved yet' },
    summary: summarize(input, resolved, caseNumber, nextSteps),
    confirmedFields,
  };
}

function summarize(input: ExtractionInput, resolved: CallOutcome['resolved'], caseNumber: string | null, nextSteps: string[]): string {
  const who = input.company ?? 'the company';
  const issue = input.issue.length > 120 ? `${input.issue.slice(0, 117)}...` : input.issue;
  const first = `Called ${who} about: ${issue.replace(/[.\s]+$/, '')}.`;
  const result =
    resolved === 'yes' ? 'The representative resolved it'
      : resolved === 'partial' ? 'The representative took action but it is not finished yet'
        : resolved === 'no' ? 'The representative could not resolve it'
          : 'The result was unclear';
  const extra = [caseNumber ? `case number ${caseNumber}` : '', nextSteps[0] ? `next: ${nextSteps[0].replace(/[.\s]+$/, '')}` : ''].filter(Boolean).join('; ');
  return `${first} ${result}${extra ? ` (${extra})` : ''}.`;
}
