export const CALL_STATUSES = [
  'scheduled', 'queued', 'dialing', 'ringing', 'in-progress',
  'completed', 'busy', 'no-answer', 'failed', 'canceled',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const FINAL_STATUSES: ReadonlySet<CallStatus> = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

// Carrier callbacks can arrive out of order; a call only ever moves forward through these ranks.
const RANK: Record<CallStatus, number> = {
  scheduled: 0, queued: 1, dialing: 2, ringing: 3, 'in-progress': 4,
  completed: 5, busy: 5, 'no-answer': 5, failed: 5, canceled: 5,
};

export function isForwardMove(from: CallStatus, to: CallStatus): boolean {
  return !FINAL_STATUSES.has(from) && RANK[to] > RANK[from];
}

/** Twilio's CallStatus values mapped onto ours ("queued"/"initiated" both mean we are dialing). */
export function fromCarrierStatus(value: string): CallStatus | null {
  switch (value) {
    case 'queued':
    case 'initiated':
      return 'dialing';
    case 'ringing':
    case 'in-progress':
    case 'completed':
    case 'busy':
    case 'no-answer':
    case 'failed':
    case 'canceled':
      return value;
    case 'answered':
      return 'in-progress';
    default:
      return null;
  }
}
