import OpenAI from 'openai';
import { outcomeSchema, type CallOutcome } from '../../common/outcome.js';
import type { ExtractionInput } from './ruleBasedExtractor.js';

const str = { type: 'string' };
const nullableStr = { type: ['string', 'null'] };
const obj = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, properties, required: Object.keys(properties) });

// Structured outputs in strict mode: every property listed as required, nulls spelled out.
const OUTCOME_JSON_SCHEMA = obj({
  resolved: { type: 'string', enum: ['yes', 'no', 'partial', 'unknown'] },
  caseNumber: nullableStr,
  referenceNumbers: { type: 'array', items: str },
  amounts: { type: 'array', items: obj({ value: { type: 'number' }, currency: str, context: str }) },
  dates: { type: 'array', items: obj({ date: str, context: str }) },
  promisedActions: { type: 'array', items: obj({ action: str, who: str, by: nullableStr }) },
  nextSteps: { type: 'array', items: str },
  followUp: obj({ needed: { type: 'boolean' }, when: nullableStr, reason: nullableStr }),
  summary: str,
});

/** Extraction by a chat model with a JSON schema; values confirmed on the call still win. */
export async function extractOutcomeWithOpenAI(client: OpenAI, model: string, input: ExtractionInput): Promise<CallOutcome> {
  const transcript = input.transcript.map((l) => `${l.speaker === 'agent' ? 'AGENT' : l.speaker === 'callee' ? 'REPRESENTATIVE' : 'SYSTEM'}: ${l.text}`).join('\n');
  const completion = await client.chat.completions.create({
    model,
    messages: [
      {
        role: 'system',
        content:
          'You read transcripts of phone calls an assistant made to a company on behalf of a customer and extract the outcome. ' +
          'Use only what the transcript says. Case numbers compact and upper-case without spaces. Dates as ISO 8601 when a date is stated. ' +
          'summary: two sentences for the customer.',
      },
      { role: 'user', content: `Company: ${input.company ?? 'unknown'}\nCustomer's issue: ${input.issue}\n\nTranscript:\n${transcript}` },
    ],
    response_format: { type: 'json_schema', json_schema: { name: 'call_outcome', strict: true, schema: OUTCOME_JSON_SCHEMA } },
  });
  const content = completion.choices[0]?.message?.content;
  if (!content) throw new Error('the extraction model returned no content');
  const extracted = outcomeSchema.omit({ confirmedFields: true }).parse(JSON.parse(content));
  const c = input.confirmed;
  return {
    ...extracted,
    caseNumber: c.caseNumber ?? extracted.caseNumber,
    nextSteps: c.nextSteps !== undefined ? [c.nextSteps].flat() : extracted.nextSteps,
    resolved: c.resolved ?? extracted.resolved,
    confirmedFields: Object.entries(c).filter(([, v]) => v !== undefined).map(([k]) => k),
  };
}
