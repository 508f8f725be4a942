-- Retention (README, "Retention"): the pruning deletes the oldest published commands through this index of the
-- acceptance time. The key is set once, at the insert, so the updates that publish a command and note its first event
-- change no key of it. Built concurrently: on an existing installation gateway.commands holds every command ever
-- accepted, and requests keep inserting while the index is built.
CREATE INDEX CONCURRENTLY IF NOT EXISTS commands_created ON gateway.commands (created_at);
