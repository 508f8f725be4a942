-- Tenants' webhook endpoints and the delivery outbox. Not read models: a rebuild keeps them, and a replayed event finds
-- its delivery already there (primary key), so a rebuild never sends a notification twice.
CREATE TABLE sync.webhooks (
    webhook_id     uuid         PRIMARY KEY,
    tenant_id      varchar(128) NOT NULL,
    url            text         NOT NULL,
    -- the HMAC key, shown to the tenant once; needed in clear to sign (see the README)
    signing_secret text         NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_tenant ON sync.webhooks (tenant_id);

CREATE TABLE sync.webhook_deliveries (
    webhook_id       uuid         NOT NULL REFERENCES sync.webhooks ON DELETE CASCADE,
    event_id         varchar(128) NOT NULL,
    tenant_id        varchar(128) NOT NULL,
    status           varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int          NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL DEFAULT now(),
    claimed_until    timestamptz,
    last_http_status int,
    last_error       text,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    PRIMARY KEY (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON sync.webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_listed ON sync.webhook_deliveries (webhook_id, created_at DESC);
