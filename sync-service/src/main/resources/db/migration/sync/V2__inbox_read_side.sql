-- The inbox's read side (issue #9) and submissions in flight. Every read model below is folded from
-- ksef.events.v1: they are reshaped here and applied_offsets emptied, so the first start after this migration
-- replays the log and refolds them. Columns holding what producers send are text: an overlong value must not
-- make an event poison. The scheduler's tables (sync_runs, command_outbox) are not read models: a rebuild keeps them.

DROP TABLE sync.inbox;
DROP TABLE sync.submissions;
DROP TABLE sync.sync_state;
TRUNCATE sync.applied_offsets;

CREATE TABLE sync.submissions (
    command_id               text PRIMARY KEY,
    tenant_id                text        NOT NULL,
    context_nip              text,
    status                   text        NOT NULL
        CHECK (status IN ('SENT', 'ACCEPTED', 'REJECTED', 'DUPLICATE', 'FAILED')),
    ksef_number              text,
    ksef_status_code         integer,
    invoice_number           text,
    description              text,
    details                  text[]      NOT NULL DEFAULT '{}',
    session_reference_number text,
    invoice_reference_number text,
    upo_download_url         text,
    last_event_id            text        NOT NULL,
    updated_at               timestamptz NOT NULL
);

CREATE INDEX submissions_tenant_updated ON sync.submissions (tenant_id, updated_at DESC);

-- SubmissionsHeld / SubmissionsResumed per tenant and context: a released hold keeps its row (held = false).
CREATE TABLE sync.submission_holds (
    tenant_id     text        NOT NULL,
    context_nip   text        NOT NULL,
    environment   text        NOT NULL,
    held          boolean     NOT NULL,
    reason        text,
    detail        text,
    limit_group   text,
    until         timestamptz,
    queued        bigint      NOT NULL,
    last_event_id text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, context_nip, environment)
);

-- Every document received, as received. Append-only: UPDATE and DELETE raise, for every database user
-- (triggers fire for the table's owner and superusers too). TRUNCATE raises too, unless the transaction set
-- sync.rebuild = 'on' (SET LOCAL), which only the read-model rebuild does before it replays the log.
CREATE TABLE sync.documents_raw (
    tenant_id        text        NOT NULL,
    ksef_number      text        NOT NULL,
    direction        text        NOT NULL CHECK (direction IN ('INCOMING', 'OUTGOING')),
    subject_type     text        NOT NULL,
    acquisition_date timestamptz,
    sha256           text        NOT NULL,
    raw_xml          bytea       NOT NULL,
    event_id         text        NOT NULL,
    received_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, ksef_number)
);

CREATE FUNCTION sync.refuse_raw_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'sync.documents_raw is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER documents_raw_append_only BEFORE UPDATE OR DELETE ON sync.documents_raw
    FOR EACH ROW EXECUTE FUNCTION sync.refuse_raw_document_change();

CREATE FUNCTION sync.refuse_raw_document_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('sync.rebuild', true), '') <> 'on' THEN
        RAISE EXCEPTION 'sync.documents_raw is append-only: TRUNCATE only inside a read-model rebuild'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER documents_raw_truncate_only_in_rebuild BEFORE TRUNCATE ON sync.documents_raw
    FOR EACH STATEMENT EXECUTE FUNCTION sync.refuse_raw_document_truncate();

-- The normalised inbox row, parsed from the FA(3) XML; amounts are exact decimals.
CREATE TABLE sync.inbox (
    tenant_id              text        NOT NULL,
    ksef_number            text        NOT NULL,
    subject_type           text        NOT NULL,
    direction              text        NOT NULL,
    seller_nip             text,
    seller_name            text,
    buyer_nip              text,
    buyer_name             text,
    invoice_number         text,
    issue_date             date,
    invoice_type           text,
    currency               text,
    net_amount             numeric,
    vat_amount             numeric,
    gross_amount           numeric,
    permanent_storage_date timestamptz,
    listed_at              timestamptz NOT NULL,
    received_at            timestamptz NOT NULL,
    sha256                 text        NOT NULL,
    parse_problem          text,
    PRIMARY KEY (tenant_id, ksef_number)
);

CREATE INDEX inbox_tenant_listing ON sync.inbox (tenant_id, listed_at DESC, ksef_number DESC);

CREATE TABLE sync.sync_state (
    tenant_id            text        NOT NULL,
    subject_type         text        NOT NULL,
    high_water_mark      timestamptz,
    last_success_at      timestamptz,
    last_attempt_at      timestamptz,
    consecutive_failures integer     NOT NULL,
    last_failure_reason  text,
    last_event_id        text        NOT NULL,
    updated_at           timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, subject_type)
);

-- credential-service's integration lifecycle, folded from its events (never read from its tables).
CREATE TABLE sync.integrations (
    integration_id text PRIMARY KEY,
    tenant_id      text        NOT NULL,
    environment    text        NOT NULL,
    taxpayer_nip   text        NOT NULL,
    status         text        NOT NULL,
    scopes         text[]      NOT NULL,
    active_since   timestamptz,
    last_event_id  text        NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE INDEX integrations_active ON sync.integrations (tenant_id) WHERE status = 'ACTIVE';

-- The scheduler's own state (not rebuilt): the sync running per tenant and subject type, and when the last ones
-- were issued and finished. The projection ends a run when its InboxSyncCompleted/Failed arrives.
CREATE TABLE sync.sync_runs (
    tenant_id          text        NOT NULL,
    subject_type       text        NOT NULL,
    running_command_id text,
    running_since      timestamptz,
    last_command_id    text        NOT NULL,
    last_trigger       text        NOT NULL,
    last_issued_at     timestamptz NOT NULL,
    last_finished_at   timestamptz,
    PRIMARY KEY (tenant_id, subject_type)
);

-- Commands to ksef.commands.v1, written in the transaction that decided them; the relay publishes and marks them.
CREATE TABLE sync.command_outbox (
    id             bigserial PRIMARY KEY,
    message_id     text        NOT NULL UNIQUE,
    tenant_id      text        NOT NULL,
    correlation_id text        NOT NULL,
    message_type   text        NOT NULL,
    source         text        NOT NULL,
    record         bytea       NOT NULL,
    created_at     timestamptz NOT NULL,
    published_at   timestamptz
);

CREATE INDEX command_outbox_unpublished ON sync.command_outbox (id) WHERE published_at IS NULL;
CREATE INDEX command_outbox_published ON sync.command_outbox (published_at) WHERE published_at IS NOT NULL;
