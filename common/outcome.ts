import { z } from 'zod';

/** What a call achieved, as stored with the call and reported to the user. */
export const outcomeSchema = z.object({
  resolved: z.enum(['yes', 'no', 'partial', 'unknown']),
  caseNumber: z.string().nullable(),
  referenceNumbers: z.array(z.string()),
  amounts: z.array(z.object({ value: z.number(), currency: z.string(), context: z.string() })),
  dates: z.array(z.object({ date: z.string(), context: z.string() })),
  promisedActions: z.array(z.object({ action: z.string(), who: z.string(), by: z.string().nullable() })),
  nextSteps: z.array(z.string()),
  followUp: z.object({ needed: z.boolean(), when: z.string().nullable(), reason: z.string().nullable() }),
  summary: z.string(),
  /** Fields whose values the agent read back to the representative during the call (`record_outcome`). */
  confirmedFields: z.array(z.string()),
});
export type CallOutcome = z.infer<typeof outcomeSchema>;

/** Arguments of the `record_outcome` tool: values confirmed on the call, which win over extraction. */
export const confirmedOutcomeSchema = z.object({
  caseNumber: z.string().trim().min(1).optional(),
  nextSteps: z.union([z.string(), z.array(z.string())]).optional(),
  resolved: z.enum(['yes', 'no', 'partial']).optional(),
  notes: z.string().optional(),
});
export type ConfirmedOutcome = z.infer<typeof confirmedOutcomeSchema>;
