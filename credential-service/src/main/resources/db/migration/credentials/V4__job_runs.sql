-- Periodic jobs that one instance at a time runs (re-verification, auth-session sweep). A claim is a row lease:
-- it needs no session-bound advisory lock (R2DBC pools connections), survives restarts and keeps the cadence shared.
CREATE TABLE credentials.job_runs (
    job          text PRIMARY KEY,
    next_run_at  timestamptz NOT NULL,
    locked_until timestamptz,
    owner        text,
    last_started timestamptz,
    last_result  text
);
