-- Who the agent is on a call (name, voice, speaking style) and how the call is placed.
ALTER TABLE calls ADD COLUMN persona jsonb NOT NULL DEFAULT '{}';
ALTER TABLE calls ADD COLUMN options jsonb NOT NULL DEFAULT '{}';

ALTER TABLE calls ADD COLUMN answered_by text;

CREATE TABLE recordings (
  call_id        text PRIMARY KEY REFERENCES calls (id),
  owner_id       text NOT NULL REFERENCES users (id),
  recording_sid  text NOT NULL,
  file_path      text NOT NULL,
  duration_seconds integer,
  channels       integer NOT NULL,
  bytes          integer NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
