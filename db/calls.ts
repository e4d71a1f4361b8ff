import type pg from 'pg';
import { CALL_STATUSES, type CallStatus } from '../common/callStatus.js';
import type { CallOutcome } from '../common/outcome.js';

export interface NewCall {
  id: string;
  direction?: 'outbound' | 'inbound';
  ownerId: string;
  workflowId: string;
  to: string;
  from: string;
  company: string | null;
  userName: string | null;
  issue: string;
  goal: string | null;
  facts: Record<string, string>;
  persona: Persona;
  options: CallOptions;
  status: CallStatus;
}

export interface Persona { name?: string; voice?: string; style?: string }
export interface CallOptions {
  record?: boolean;
  /** Said to the first person who answers a recorded call. */
  recordingAnnouncement?: string;
  machineDetection?: boolean;
  /** On reaching voicemail: leave a short message (the default), or hang up and try again later. */
  voicemail?: 'leave-message' | 'hang-up';
  /** How keys are pressed: by the carrier (`<Play digits>`, the default) or as tones in the call's own audio. */
  keypad?: 'carrier' | 'in-band';
}

export interface CallSummary {
  id: string;
  to: string;
  company: string | null;
  issue: string;
  status: CallStatus;
  createdAt: string;
  updatedAt: string;
  outcome: { caseNumber: string | null; summary: string } | null;
}

/**
 * One moment in a call's life. `kind` 'status' entries are the call's own status changes (the badge a user
 * sees); 'event' entries are things that happened on the line (audio connected, on hold, retry scheduled...).
 */
export interface TimelineEntry { kind: 'status' | 'event'; status: string; at: string; detail: string | null; callStatus: CallStatus }
export interface TranscriptLine { seq: number; speaker: 'agent' | 'callee' | 'system'; text: string; at: string }

export interface CallDetail extends Omit<CallSummary, 'outcome'> {
  userName: string | null;
  persona: Persona;
  options: CallOptions;
  goal: string | null;
  facts: Record<string, string>;
  direction: string;
  from: string;
  callSid: string | null;
  workflowId: string;
  timeline: TimelineEntry[];
  transcript: TranscriptLine[];
  outcome: CallOutcome | null;
  /** What the voice model cost on this call (estimated from its reported token usage). */
  cost: { usd: number; usage: Record<string, number | string | null> };
  /** The carrier's answering-machine detection verdict (Twilio's AnsweredBy), when it was asked for. */
  answeredBy: string | null;
  /** How far the call got: a phone menu, a person, or a voicemail box. */
  reached: 'ivr' | 'human' | 'voicemail' | null;
  /** The stored recording, when the call was recorded and the carrier delivered it. */
  recording: { url: string; durationSeconds: number | null } | null;
}

/** The slice of a call the media-bridge needs to brief the voice brain. */
export interface CallContext {
  id: string;
  direction: 'outbound' | 'inbound';
  from: string;
  persona: Persona;
  options: CallOptions;
  ownerId: string;
  workflowId: string;
  to: string;
  company: string | null;
  userName: string | null;
  issue: string;
  goal: string | null;
  facts: Record<string, string>;
}

/** Inserts the call unless one with the same id exists (an idempotent retry); returns whether it was new. */
export async function insertCall(pool: pg.Pool, call: NewCall): Promise<boolean> {
  const result = await pool.query(
    `INSERT INTO calls (id, owner_id, workflow_id, to_number, from_number, company, user_name, issue, goal, facts, persona, options, status, direction)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING`,
    [call.id, call.ownerId, call.workflowId, call.to, call.from, call.company, call.userName, call.issue, call.goal,
      JSON.stringify(call.facts), JSON.stringify(call.persona), JSON.stringify(call.options), call.status, call.direction ?? 'outbound'],
  );
  return result.rowCount === 1;
}

export async function listCalls(pool: pg.Pool, ownerId: string, limit = 100): Promise<CallSummary[]> {
  const { rows } = await pool.query(
    `SELECT c.*, o.outcome FROM calls c LEFT JOIN call_outcomes o ON o.call_id = c.id
     WHERE c.owner_id = $1 ORDER BY c.created_at DESC LIMIT $2`,
    [ownerId, limit],
  );
  return rows.map((r) => ({
    ...summaryOf(r),
    outcome: r.outcome ? { caseNumber: r.outcome.caseNumber ?? null, summary: r.outcome.summary ?? '' } : null,
  }));
}

export async function getCallDetail(pool: pg.Pool, ownerId: string, id: string): Promise<CallDetail | null> {
  const { rows } = await pool.query(
    `SELECT c.*, o.outcome, r.duration_seconds AS recording_seconds, r.call_id AS recording_call
     FROM calls c LEFT JOIN call_outcomes o ON o.call_id = c.id LEFT JOIN recordings r ON r.call_id = c.id
     WHERE c.id = $1 AND c.owner_id = $2`,
    [id, ownerId],
  );
  const r = rows[0];
  if (!r) return null;
  const [timeline, transcript] = await Promise.all([getTimeline(pool, id), getTranscript(pool, id)]);
  return {
    ...summaryOf(r),
    userName: r.user_name,
    persona: r.persona,
    options: r.options,
    goal: r.goal,
    facts: r.facts,
    direction: r.direction,
    from: r.from_number,
    callSid: r.provider_call_sid,
    workflowId: r.workflow_id,
    timeline,
    transcript,
    outcome: r.outcome ?? null,
    cost: { usd: Number(r.brain_cost_usd), usage: r.brain_usage },
    answeredBy: r.answered_by ?? null,
    reached: r.brain_usage?.reached ?? reachedFromAnsweredBy(r.answered_by),
    recording: r.recording_call ? { url: `/calls/${r.id}/recording`, durationSeconds: r.recording_seconds } : null,
  };
}

export async function getCallContext(pool: pg.Pool, id: string): Promise<CallContext | null> {
  const { rows } = await pool.query('SELECT * FROM calls WHERE id = $1', [id]);
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id, direction: r.direction, from: r.from_number, persona: r.persona, options: r.options, ownerId: r.owner_id, workflowId: r.workflow_id, to: r.to_number, company: r.company,
    userName: r.user_name, issue: r.issue, goal: r.goal, facts: r.facts,
  };
}

export async function getTimeline(pool: pg.Pool, callId: string): Promise<TimelineEntry[]> {
  const { rows } = await pool.query(
    'SELECT e.status, e.detail, e.at, c.status AS call_status FROM call_events e JOIN calls c ON c.id = e.call_id WHERE e.call_id = $1 ORDER BY e.at, e.id',
    [callId],
  );
  return rows.map(timelineEntryOf);
}

export async function getTimelineEntry(pool: pg.Pool, eventId: string): Promise<TimelineEntry | null> {
  const { rows } = await pool.query('SELECT e.status, e.detail, e.at, c.status AS call_status FROM call_events e JOIN calls c ON c.id = e.call_id WHERE e.id = $1', [eventId]);
  return rows[0] ? timelineEntryOf(rows[0]) : null;
}

export async function getTranscript(pool: pg.Pool, callId: string): Promise<TranscriptLine[]> {
  const { rows } = await pool.query(
    'SELECT id, speaker, text, spoken_at FROM transcript_lines WHERE call_id = $1 ORDER BY spoken_at, id',
    [callId],
  );
  return rows.map(transcriptLineOf);
}

export async function getTranscriptLine(pool: pg.Pool, lineId: string): Promise<TranscriptLine | null> {
  const { rows } = await pool.query('SELECT id, speaker, text, spoken_at FROM transcript_lines WHERE id = $1', [lineId]);
  return rows[0] ? transcriptLineOf(rows[0]) : null;
}

export async function getOutcome(pool: pg.Pool, callId: string): Promise<CallOutcome | null> {
  const { rows } = await pool.query('SELECT outcome FROM call_outcomes WHERE call_id = $1', [callId]);
  return rows[0]?.outcome ?? null;
}

export interface CallEvent {
  callId: string;
  status: string;
  detail?: string | null;
  at: string;
  eventKey: string;
  /** When set, the call's current status becomes this one too. */
  callStatus?: CallStatus;
  callSid?: string;
}

export async function recordCallEvent(pool: pg.Pool, event: CallEvent): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const inserted = await client.query(
      `INSERT INTO call_events (call_id, owner_id, status, detail, at, event_key)
       SELECT id, owner_id, $2, $3, $4, $5 FROM calls WHERE id = $1
       ON CONFLICT (call_id, event_key) DO NOTHING`,
      [event.callId, event.status, event.detail ?? null, event.at, event.eventKey],
    );
    if (inserted.rowCount === 1 && (event.callStatus || event.callSid)) {
      await client.query(
        `UPDATE calls SET status = COALESCE($2, status), provider_call_sid = COALESCE($3, provider_call_sid), updated_at = now() WHERE id = $1`,
        [event.callId, event.callStatus ?? null, event.callSid ?? null],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

export interface NewTranscriptLine {
  callId: string;
  speaker: 'agent' | 'callee' | 'system';
  text: string;
  spokenAt: string;
  /** Stable id of the utterance (e.g. the Realtime item id) so a retried write is not stored twice. */
  sourceId: string;
}

export async function appendTranscriptLine(pool: pg.Pool, line: NewTranscriptLine): Promise<void> {
  await pool.query(
    `INSERT INTO transcript_lines (call_id, owner_id, speaker, text, spoken_at, source_id)
     SELECT id, owner_id, $2, $3, $4, $5 FROM calls WHERE id = $1
     ON CONFLICT (call_id, source_id) DO NOTHING`,
    [line.callId, line.speaker, line.text, line.spokenAt, line.sourceId],
  );
}

export async function saveOutcome(pool: pg.Pool, callId: string, outcome: CallOutcome): Promise<void> {
  await pool.query(
    `INSERT INTO call_outcomes (call_id, owner_id, outcome) SELECT id, owner_id, $2 FROM calls WHERE id = $1
     ON CONFLICT (call_id) DO UPDATE SET outcome = EXCLUDED.outcome`,
    [callId, JSON.stringify(outcome)],
  );
}

function summaryOf(r: Record<string, any>): Omit<CallSummary, 'outcome'> {
  return {
    id: r.id, to: r.to_number, company: r.company, issue: r.issue, status: r.status,
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}

function timelineEntryOf(r: Record<string, any>): TimelineEntry {
  const kind = (CALL_STATUSES as readonly string[]).includes(r.status) ? 'status' : 'event';
  return { kind, status: r.status, at: r.at.toISOString(), detail: r.detail, callStatus: r.call_status };
}

function transcriptLineOf(r: Record<string, any>): TranscriptLine {
  return { seq: Number(r.id), speaker: r.speaker, text: r.text, at: r.spoken_at.toISOString() };
}

export async function saveBrainUsage(pool: pg.Pool, callId: string, usage: object, costUsd: number): Promise<void> {
  await pool.query('UPDATE calls SET brain_usage = $2, brain_cost_usd = $3, updated_at = now() WHERE id = $1', [callId, JSON.stringify(usage), costUsd]);
}

/** The carrier's answering-machine verdict, when the bridge could not tell who it reached. */
function reachedFromAnsweredBy(answeredBy: string | null): CallDetail['reached'] {
  if (!answeredBy) return null;
  if (answeredBy === 'human') return 'human';
  return /^(machine|fax)/.test(answeredBy) ? 'voicemail' : null;
}
