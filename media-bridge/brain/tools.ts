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
    name: 'end_call',
    description: 'Hang up, after saying goodbye.',
    parameters: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'], additionalProperties: false },
  },
];

export const toolArguments = {
  record_outcome: confirmedOutcomeSchema,
  end_call: z.object({ reason: z.string().default('done') }),
};
export type ToolName = keyof typeof toolArguments;

export function isToolName(name: string): name is ToolName {
  return name in toolArguments;
}
