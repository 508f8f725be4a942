-- Retention (README, "Retention"): the pruning deletes the oldest finished rows of each table through a partial
-- index of the finish time (worker.commands has one since V1: commands_done). Built concurrently: on an existing
-- installation these tables can hold millions of rows, and the lanes keep writing while the indexes are built.
CREATE INDEX CONCURRENTLY IF NOT EXISTS upo_fetches_finished
    ON worker.upo_fetches ((coalesce(done_at, lost_at))) WHERE state <> 'PENDING';
CREATE INDEX CONCURRENTLY IF NOT EXISTS inbox_syncs_finished ON worker.inbox_syncs (finished_at) WHERE state = 'DONE';
CREATE INDEX CONCURRENTLY IF NOT EXISTS verifications_finished ON worker.verifications (done_at) WHERE state <> 'QUEUED';
CREATE INDEX CONCURRENTLY IF NOT EXISTS sessions_finished
    ON worker.sessions (opened_at) WHERE state IN ('CLOSED', 'DONE', 'ABANDONED', 'FAILED');

-- A session listing links each pending UPO row by (session, invoice hash). With the index on the session alone, each
-- of a session's N updates read all N pending rows of the session: 3,000 rows took 1.07 s, 10,000 took 10.5 s
-- (WorkReadsIT, 2026-12-05). The pair is unique in a session, so each update is one index lookup.
CREATE INDEX CONCURRENTLY IF NOT EXISTS upo_fetches_session_hash
    ON worker.upo_fetches (session_ref, invoice_hash) WHERE state = 'PENDING';
DROP INDEX CONCURRENTLY IF EXISTS worker.upo_fetches_session;
