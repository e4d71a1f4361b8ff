-- What the voice model consumed on a call (summed Realtime `usage`) and what that cost.
ALTER TABLE calls ADD COLUMN brain_usage jsonb NOT NULL DEFAULT '{}';
ALTER TABLE calls ADD COLUMN brain_cost_usd numeric(10, 4) NOT NULL DEFAULT 0;
