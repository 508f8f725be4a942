-- Traceability (issue #11 item 3): which tenant owns each integration account, from the first integration event
-- on the log that names it, and one violation row per regulated event (InvoiceAccepted, InboxInvoiceReceived)
-- that names no integration account or one of another tenant. Both are rebuilt by replay like the audit log.

CREATE TABLE audit.integration_owners (
    integration_id text PRIMARY KEY,
    tenant_id      text NOT NULL,
    event_id       text NOT NULL
);

CREATE TABLE audit.tenant_violations (
    event_id        text PRIMARY KEY,
    tenant_id       text        NOT NULL,
    event_type      text        NOT NULL,
    correlation_id  text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    integration_id  text,
    owner_tenant_id text,
    reason          text        NOT NULL CHECK (reason IN ('MISSING_INTEGRATION', 'FOREIGN_INTEGRATION')),
    recorded_at     timestamptz NOT NULL
);

CREATE INDEX tenant_violations_tenant_occurred ON audit.tenant_violations (tenant_id, occurred_at DESC);
