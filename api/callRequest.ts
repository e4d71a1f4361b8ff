import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const newCallSchema = z.object({
  to: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 form, like +18005550101'),
  issue: z.string().trim().min(10, 'describe the problem in at least 10 characters').max(2000),
  company: z.string().trim().min(1).max(120).optional(),
  userName: z.string().trim().min(1).max(120).optional(),
  goal: z.string().trim().min(1).max(500).optional(),
  scheduledAt: z
    .string()
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-12-01T09:30:00-05:00' })
    .refine((v) => Date.parse(v) < Date.now() + 30 * 86_400_000, 'must be within the next 30 days')
    .optional(),
  persona: z
    .object({
      name: z.string().trim().min(1).max(60).optional(),
      voice: z.string().trim().regex(/^[a-z][a-z0-9_-]{1,30}$/, 'a voice name such as marin or alloy').optional(),
      style: z.string().trim().min(1).max(300).optional(),
    })
    .strict()
    .optional(),
  options: z
    .object({
      record: z.boolean().optional(),
      recordingAnnouncement: z.string().trim().min(5).max(300).optional(),
      machineDetection: z.boolean().optional(),
      voicemail: z.enum(['leave-message', 'hang-up']).optional(),
      keypad: z.enum(['carrier', 'in-band']).optional(),
    })
    .strict()
    .optional(),
  facts: z
    .record(z.string().trim().min(1).max(60), z.string().trim().max(200))
    .refine((f) => Object.keys(f).length <= 20, 'at most 20 facts')
    .optional(),
}).strict();
export type NewCallRequest = z.infer<typeof newCallSchema>;

const idempotencyKeySchema = z.string().trim().min(1).max(200);

/**
 * The call id, and so the workflow id: derived from the Idempotency-Key when given, so a retried request
 * lands on the same workflow instead of phoning the company twice.
 */
export function callIdFor(ownerId: string, idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined) return `call_${randomBytes(12).toString('hex')}`;
  const key = idempotencyKeySchema.parse(idempotencyKey);
  return `call_${createHash('sha256').update(`${ownerId}\n${key}`).digest('hex').slice(0, 24)}`;
}

export function fieldErrors(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}
