-- Read models folded from ksef.events.v1; every table can be truncated and rebuilt by replay.

CREATE TABLE sync.applied_offsets (
    consumer_group varchar(255) NOT NULL,
    topic          varchar(255) NOT NULL,
    partition      integer      NOT NULL,
    last_offset    bigint       NOT NULL,
    PRIMARY KEY (consumer_group, topic, partition)
);

CREATE TABLE sync.submissions (
    command_id               varchar(128) PRIMARY KEY,
    tenant_id                varchar(128) NOT NULL,
    status                   varchar(16)  NOT NULL CHECK (status IN ('ACCEPTED', 'REJECTED', 'DUPLICATE', 'FAILED')),
    ksef_number              varchar(128),
    ksef_status_code         integer,
    invoice_number           varchar(256),
    description              text,
    details                  text[]       NOT NULL DEFAULT '{}',
    session_reference_number varchar(128),
    invoice_reference_number varchar(128),
    upo_download_url         text,
    last_event_id            varchar(128) NOT NULL,
    updated_at               timestamptz  NOT NULL
);

CREATE INDEX submissions_tenant_updated ON sync.submissions (tenant_id, updated_at DESC);

CREATE TABLE sync.inbox (
    tenant_id              varchar(128) NOT NULL,
    ksef_number            varchar(128) NOT NULL,
    subject_type           varchar(32)  NOT NULL,
    seller_nip             varchar(32)  NOT NULL,
    invoice_number         varchar(256),
    issue_date             date,
    permanent_storage_date timestamptz,
    invoice_hash           varchar(128) NOT NULL,
    xml                    bytea        NOT NULL,
    event_id               varchar(128) NOT NULL,
    received_at            timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, ksef_number)
);

CREATE INDEX inbox_tenant_received ON sync.inbox (tenant_id, received_at DESC);

CREATE TABLE sync.sync_state (
    tenant_id       varchar(128) NOT NULL,
    subject_type    varchar(32) NOT NULL,
    high_water_mark timestamptz,
    last_event_id   varchar(128) NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, subject_type)
);
