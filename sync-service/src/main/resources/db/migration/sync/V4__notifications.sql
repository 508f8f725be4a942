-- The tenant's notification feed (GET /internal/v1/tenants/{tenantId}/notifications): one row per event worth telling
-- a person about, keyed by the event's id, so an event delivered twice is one notification. Newest first, keyset paged.
CREATE TABLE sync.notifications (
    event_id    varchar(128) PRIMARY KEY,
    tenant_id   varchar(128) NOT NULL,
    occurred_at timestamptz  NOT NULL,
    kind        varchar(64)  NOT NULL,
    severity    varchar(16)  NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'ERROR')),
    subject     text,
    context_nip varchar(10),
    message     text         NOT NULL,
    action      text
);

CREATE INDEX notifications_tenant_listed ON sync.notifications (tenant_id, occurred_at DESC, event_id DESC);
