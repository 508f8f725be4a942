-- When the gateway first saw an event of the command on ksef.events.v1 (correlation id = command id). Before that
-- the read model (sync-service, folded from the same log) cannot know the command, so status queries are answered
-- from this row alone; from then on they ask the read model.
ALTER TABLE gateway.commands ADD COLUMN first_event_at timestamptz;
