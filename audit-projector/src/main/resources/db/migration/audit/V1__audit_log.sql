-- The audit log folded from ksef.events.v1: one row per event id; truncated and rebuilt by replay.

CREATE TABLE audit.applied_offsets (
    consumer_group varchar(255) NOT NULL,
    topic          varchar(255) NOT NULL,
    partition      integer      NOT NULL,
    last_offset    bigint       NOT NULL,
    PRIMARY KEY (consumer_group, topic, partition)
);

CREATE TABLE audit.audit_log (
    event_id       varchar(128) PRIMARY KEY,
    tenant_id      varchar(128) NOT NULL,
    event_type     varchar(128) NOT NULL,
    correlation_id varchar(128) NOT NULL,
    causation_id   varchar(128),
    occurred_at    timestamptz  NOT NULL,
    source         varchar(128) NOT NULL,
    operation      varchar(128) NOT NULL,
    tenant_nip     varchar(32),
    provider_nip   varchar(32),
    http_status    integer,
    duration_ms    bigint,
    error          text,
    recorded_at    timestamptz  NOT NULL
);

CREATE INDEX audit_log_tenant_occurred ON audit.audit_log (tenant_id, occurred_at DESC);
