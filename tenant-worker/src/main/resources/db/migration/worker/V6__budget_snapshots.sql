-- The KSeF budget left per context and limit group (issue #13: the tenant's dashboard), written by the instance whose
-- lanes run the context, at most once per worker.budget.snapshot-period and only for what changed; read by any instance
-- for GET /internal/v1/contexts/{environment}/{nip}/budget. Not a queue: a row is overwritten, never appended.
CREATE TABLE worker.budget_snapshots (
    environment   text        NOT NULL,
    context_nip   text        NOT NULL,
    limit_group   text        NOT NULL,
    per_second    integer     NOT NULL,
    per_minute    integer     NOT NULL,
    per_hour      integer     NOT NULL,
    left_second   integer     NOT NULL,
    left_minute   integer     NOT NULL,
    left_hour     integer     NOT NULL,
    -- when the next call of the group may go (null: now), and until when a 429's Retry-After blocks it
    available_at  timestamptz,
    blocked_until timestamptz,
    -- written when the instance forgot the budget (no call for a while): every window full again
    rested        boolean     NOT NULL,
    instance_id   text        NOT NULL,
    taken_at      timestamptz NOT NULL,
    PRIMARY KEY (environment, context_nip, limit_group)
);
