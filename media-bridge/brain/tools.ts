import { z } from 'zod';
import { confirmedOutcomeSchema } from '../../common/outcome.js';

/** The functions the voice model may call; the bridge executes them and answers with their output. */
export const BRAIN_TOOLS = [
  {
    type: 'function' as const,
    name: 'record_outcome',
    description: 'Record what the representative confirmed, after reading it back to them: case number, next steps, whether it is resolved.',
    parameters: {
      type: 'object',
      properties: {
        caseNumber: { type: 'string', description: 'Case, ticket or reference number, letters and digits without spaces' },
        nextSteps: { type: 'array', items: { type: 'string' }, description: 'What happens next and who does it' },
        resolved: { type: 'string', enum: ['yes', 'no', 'partial'] },
        notes: { type: 'string' },
      },
      additionalProperties: false,
    },
  },
  {
    type: 'function' as const,
    name: 'press_digits',
    description: 'Press keys on the phone keypad, e.g. to choose a menu option. w = half-second pause.',
    parameters: { type: 'object', properties: { digits: { type: 'string', pattern: '^[0-9*#w]{1,32}$' } }, required: ['digits'], additionalProperties: false },
  },
  {
    type: 'function' as const,
    name: 'wait_on_hold',
    description: 'You were put on hold (music, "please hold", queue messages). Stay silent until a person speaks.',
    parameters: { type: 'object', properties: {}, additionalProperties: false },
  },
  {
    type: 'function' as const,
    name: 'request_user',
    description: 'Bring the customer onto the line (they must speak for themselves, e.g. account holder only or a one-time code).',
    parameters: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'], additionalProperties: false },
  },
  {
    type: 'function' as const,
    name: 'escalate',
    description: 'Note that you are asking for a supervisor because the representative refused or could not help.',
    parameters: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'], additionalProperties: false },
  },
  {
    type: 'function' as const,
    name: 'end_call',
    description: 'Hang up, after saying goodbye.',
    parameters: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'], additionalProperties: false },
  },
];

export const toolArguments = {
  record_outcome: confirmedOutcomeSchema,
  press_digits: z.object({ digits: z.string().regex(/^[0-9*#w]{1,32}$/, 'digits 0-9, *, # and w (pause) only') }),
  wait_on_hold: z.object({}),
  request_user: z.object({ reason: z.string().min(1) }),
  escalate: z.object({ reason: z.string().min(1) }),
  end_call: z.object({ reason: z.string().default('done') }),
};
export type ToolName = keyof typeof toolArguments;

export function isToolName(name: string): name is ToolName {
  return name in toolArguments;
}
