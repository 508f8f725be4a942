-- Retention (README, "Retention"): the pruning deletes the oldest finished rows of each table through a partial
-- index of the finish time (worker.commands has one since V1: commands_done). Built concurrently: on an existing
-- installation these tables can hold millions of rows, and the lanes keep writing while the indexes are built.
CREATE INDEX CONCURRENTLY IF NOT EXISTS upo_fetches_finished
    ON worker.upo_fetches ((coalesce(done_at, lost_at))) WHERE state <> 'PENDING';
CREATE INDEX CONCURRENTLY IF NOT EXISTS inbox_syncs_finished ON worker.inbox_syncs (finished_at) WHERE state = 'DONE';
CREATE INDEX CONCURRENTLY IF NOT EXISTS verifications_finished ON worker.verifications (done_at) WHERE state <> 'QUEUED';
CREATE INDEX CONCURRENTLY IF NOT EXISTS sessions_finished
    ON worker.sessions (opened_at) WHERE state IN ('CLOSED', 'DONE', 'ABANDONED', 'FAILED');
