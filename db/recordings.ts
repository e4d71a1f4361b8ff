import type pg from 'pg';

export interface RecordingRow {
  callId: string;
  recordingSid: string;
  filePath: string;
  durationSeconds: number | null;
  channels: number;
  bytes: number;
}

export async function saveRecording(pool: pg.Pool, recording: RecordingRow): Promise<void> {
  await pool.query(
    `INSERT INTO recordings (call_id, owner_id, recording_sid, file_path, duration_seconds, channels, bytes)
     SELECT id, owner_id, $2, $3, $4, $5, $6 FROM calls WHERE id = $1
     ON CONFLICT (call_id) DO UPDATE SET recording_sid = EXCLUDED.recording_sid, file_path = EXCLUDED.file_path,
       duration_seconds = EXCLUDED.duration_seconds, channels = EXCLUDED.channels, bytes = EXCLUDED.bytes`,
    [recording.callId, recording.recordingSid, recording.filePath, recording.durationSeconds, recording.channels, recording.bytes],
  );
}

/** The call's recording, only for its owner. */
export async function findRecording(pool: pg.Pool, ownerId: string, callId: string): Promise<RecordingRow | null> {
  const { rows } = await pool.query('SELECT * FROM recordings WHERE call_id = $1 AND owner_id = $2', [callId, ownerId]);
  const r = rows[0];
  return r ? { callId: r.call_id, recordingSid: r.recording_sid, filePath: r.file_path, durationSeconds: r.duration_seconds, channels: r.channels, bytes: r.bytes } : null;
}

export async function setAnsweredBy(pool: pg.Pool, callId: string, answeredBy: string): Promise<void> {
  await pool.query('UPDATE calls SET answered_by = $2, updated_at = now() WHERE id = $1', [callId, answeredBy]);
}
