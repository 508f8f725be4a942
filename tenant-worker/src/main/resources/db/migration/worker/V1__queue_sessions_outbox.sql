-- The worker's own state (schema "worker"): the commands it took from Kafka, the KSeF sessions it
-- holds, and the events it still has to publish. Kafka keeps being read whatever a tenant's backlog:
-- the backlog waits here, on disk, not in memory.

-- Exactly-once intake: the offset of the last record of each partition taken into worker.commands,
-- stored in the same transaction as the rows.
CREATE TABLE worker.applied_offsets (
    topic       varchar(255) NOT NULL,
    partition   integer      NOT NULL,
    last_offset bigint       NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Which instance owns a partition of ksef.commands.v1 now. Every state change of a command checks it
-- in its transaction, so an instance that lost a partition (and has not noticed) changes nothing.
CREATE TABLE worker.partition_owners (
    partition integer      PRIMARY KEY,
    owner     varchar(255) NOT NULL,
    epoch     bigint       NOT NULL,
    since     timestamptz  NOT NULL
);

CREATE TABLE worker.commands (
    command_id          varchar(160) PRIMARY KEY,
    seq                 bigint       GENERATED ALWAYS AS IDENTITY,
    tenant_id           varchar(128) NOT NULL,
    partition           integer      NOT NULL,
    kind                varchar(32)  NOT NULL CHECK (kind IN ('SUBMIT_INVOICE', 'SYNC_INBOX', 'VERIFY_INTEGRATION')),
    environment         varchar(16)  NOT NULL,
    context_nip         varchar(32)  NOT NULL,
    correlation_id      varchar(160) NOT NULL,
    causation_id        varchar(160),
    source              varchar(64),
    actor_type          varchar(16),
    actor_id            varchar(160),
    actor_on_behalf_of  varchar(160),
    received_at         timestamptz  NOT NULL,
    -- SubmitInvoice
    form_system_code    varchar(32),
    form_schema_version varchar(16),
    form_value          varchar(16),
    invoice_number      varchar(256),
    invoice_hash        varchar(64),
    offline_mode        boolean,
    xml                 bytea,
    -- SyncInbox
    subject_type        varchar(32),
    from_hwm            timestamptz,
    -- where the command stands
    state               varchar(16)  NOT NULL CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'DONE')),
    session_ref         varchar(128),
    session_type        varchar(8),
    invoice_ref         varchar(128),
    batch_file          varchar(200),
    earlier_sessions    text[]       NOT NULL DEFAULT '{}',
    sent_at             timestamptz,
    finished_at         timestamptz,
    outcome             varchar(32)
);

CREATE INDEX commands_queued ON worker.commands (tenant_id, environment, context_nip, seq) WHERE state = 'QUEUED';
CREATE INDEX commands_in_ksef ON worker.commands (tenant_id, environment, context_nip) WHERE state IN ('SENDING', 'SENT');
CREATE INDEX commands_open_by_partition ON worker.commands (partition) WHERE state <> 'DONE';
CREATE INDEX commands_done ON worker.commands (finished_at) WHERE state = 'DONE';

CREATE TABLE worker.sessions (
    session_ref  varchar(128) PRIMARY KEY,
    tenant_id    varchar(128) NOT NULL,
    partition    integer      NOT NULL,
    environment  varchar(16)  NOT NULL,
    context_nip  varchar(32)  NOT NULL,
    session_type varchar(8)   NOT NULL CHECK (session_type IN ('Online', 'Batch')),
    -- Online: OPEN, CLOSED. Batch: UPLOADING (opened, not closed yet), PROCESSING (closed), DONE, ABANDONED.
    state        varchar(16)  NOT NULL,
    opened_at    timestamptz  NOT NULL,
    valid_until  timestamptz,
    invoices     integer      NOT NULL DEFAULT 0,
    opened_by    varchar(255) NOT NULL
);

CREATE INDEX sessions_live ON worker.sessions (tenant_id, environment, context_nip) WHERE state IN ('OPEN', 'UPLOADING', 'PROCESSING');

-- Events (and dead letters) to publish, in the order they were decided; the relay of the partition's
-- owner publishes and deletes them.
CREATE TABLE worker.outbox (
    id         bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partition  integer      NOT NULL,
    topic      varchar(255) NOT NULL,
    tenant_id  varchar(128) NOT NULL,
    message_id varchar(160) NOT NULL,
    value      bytea        NOT NULL,
    headers    bytea
);

CREATE INDEX outbox_partition ON worker.outbox (partition, id);
