-- VerifyIntegration commands and the worker's own re-checks after KSeF refused a context's credential. A row is
-- one request to credential-service's POST /internal/v1/integrations/{id}/verify; done rows are kept for the audit.
CREATE TABLE worker.verifications (
    command_id      varchar(160) PRIMARY KEY,
    tenant_id       varchar(128) NOT NULL,
    partition       integer      NOT NULL,
    integration_id  varchar(64)  NOT NULL,
    environment     varchar(16)  NOT NULL,
    trigger         varchar(32)  NOT NULL,
    correlation_id  varchar(160) NOT NULL,
    received_at     timestamptz  NOT NULL,
    -- the command as it came, for the dead-letter topic if credential-service knows no such integration
    original        bytea,
    source_offset   bigint,
    attempts        integer      NOT NULL DEFAULT 0,
    not_before      timestamptz  NOT NULL,
    state           varchar(16)  NOT NULL CHECK (state IN ('QUEUED', 'DONE', 'REFUSED')),
    outcome         varchar(32),
    reason          text,
    done_at         timestamptz
);

CREATE INDEX verifications_due ON worker.verifications (partition, not_before) WHERE state = 'QUEUED';
