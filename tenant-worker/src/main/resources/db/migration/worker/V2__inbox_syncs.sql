-- Inbox syncs (SyncInbox commands): taken in with the intake's offsets (a command id seen twice is one
-- sync: sync-service publishes through an outbox), run apart from the submission lanes, resumed after a
-- crash from the last window recorded.
CREATE TABLE worker.inbox_syncs (
    command_id         varchar(160) PRIMARY KEY,
    tenant_id          varchar(128) NOT NULL,
    partition          integer      NOT NULL,
    environment        varchar(16)  NOT NULL,
    context_nip        varchar(32)  NOT NULL,
    subject_type       varchar(32)  NOT NULL,
    from_hwm           timestamptz,
    correlation_id     varchar(160) NOT NULL,
    actor_type         varchar(16),
    actor_id           varchar(160),
    actor_on_behalf_of varchar(160),
    received_at        timestamptz  NOT NULL,
    state              varchar(16)  NOT NULL CHECK (state IN ('QUEUED', 'DONE')),
    not_before         timestamptz  NOT NULL,
    failures           integer      NOT NULL DEFAULT 0,
    received           integer      NOT NULL DEFAULT 0,
    last_error         text,
    finished_at        timestamptz
);

CREATE INDEX inbox_syncs_open ON worker.inbox_syncs (partition, not_before) WHERE state = 'QUEUED';

-- Where the next window of a (context, subject type) starts, and the KSeF numbers received at exactly
-- that instant: written with the window's events, so no invoice is emitted twice.
CREATE TABLE worker.inbox_checkpoints (
    tenant_id        varchar(128) NOT NULL,
    environment      varchar(16)  NOT NULL,
    context_nip      varchar(32)  NOT NULL,
    subject_type     varchar(32)  NOT NULL,
    from_at          timestamptz  NOT NULL,
    received_at_from text[]       NOT NULL,
    updated_at       timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, environment, context_nip, subject_type)
);
