-- A relay claims stuck rows for a short lease before it publishes them, so that several command-api
-- instances (or overlapping relay passes) never publish the same command twice.
ALTER TABLE gateway.commands ADD COLUMN relay_claimed_until TIMESTAMPTZ;
