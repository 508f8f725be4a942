CREATE TABLE credentials.key_rotations (
    id             uuid PRIMARY KEY,
    target_version integer     NOT NULL,
    status         text        NOT NULL,
    total          integer     NOT NULL,
    rewrapped      integer     NOT NULL DEFAULT 0,
    failed         integer     NOT NULL DEFAULT 0,
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz
);
