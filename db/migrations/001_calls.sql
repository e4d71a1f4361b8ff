-- Every row has an owner from day one, even while there is only the local user.
CREATE TABLE users (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO users (id, name) VALUES ('local', 'Local user');

CREATE TABLE calls (
  id            text PRIMARY KEY,
  owner_id      text NOT NULL REFERENCES users (id),
  workflow_id   text NOT NULL UNIQUE,
  direction     text NOT NULL DEFAULT 'outbound',
  to_number     text NOT NULL,
  from_number   text NOT NULL,
  company       text,
  user_name     text,
  issue         text NOT NULL,
  goal          text,
  facts         jsonb NOT NULL DEFAULT '{}',
  status        text NOT NULL,
  provider_call_sid text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX calls_owner_created ON calls (owner_id, created_at DESC);

CREATE TABLE call_events (
  id        bigserial PRIMARY KEY,
  call_id   text NOT NULL REFERENCES calls (id),
  owner_id  text NOT NULL REFERENCES users (id),
  status    text NOT NULL,
  detail    text,
  at        timestamptz NOT NULL,
  -- the workflow may retry the activity that writes an event; the key makes that harmless
  event_key text NOT NULL,
  UNIQUE (call_id, event_key)
);

CREATE TABLE transcript_lines (
  id        bigserial PRIMARY KEY,
  call_id   text NOT NULL REFERENCES calls (id),
  owner_id  text NOT NULL REFERENCES users (id),
  speaker   text NOT NULL CHECK (speaker IN ('agent', 'callee', 'system')),
  text      text NOT NULL,
  spoken_at timestamptz NOT NULL,
  source_id text NOT NULL,
  UNIQUE (call_id, source_id)
);
CREATE INDEX transcript_lines_call ON transcript_lines (call_id, spoken_at, id);

CREATE TABLE call_outcomes (
  call_id    text PRIMARY KEY REFERENCES calls (id),
  owner_id   text NOT NULL REFERENCES users (id),
  outcome    jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The API listens on this channel to push live updates; payloads carry ids only (NOTIFY caps at 8 kB).
CREATE FUNCTION notify_call_update() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('call_updates', json_build_object(
    'callId', NEW.call_id, 'kind', TG_ARGV[0], 'rowId', NEW.id::text)::text);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER call_events_notify AFTER INSERT ON call_events
  FOR EACH ROW EXECUTE FUNCTION notify_call_update('status');
CREATE TRIGGER transcript_lines_notify AFTER INSERT ON transcript_lines
  FOR EACH ROW EXECUTE FUNCTION notify_call_update('transcript');
CREATE FUNCTION notify_outcome() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('call_updates', json_build_object('callId', NEW.call_id, 'kind', 'outcome', 'rowId', NEW.call_id)::text);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER call_outcomes_notify AFTER INSERT OR UPDATE ON call_outcomes
  FOR EACH ROW EXECUTE FUNCTION notify_outcome();
