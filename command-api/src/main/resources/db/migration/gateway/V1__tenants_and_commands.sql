CREATE TABLE gateway.tenants (
    id             uuid        PRIMARY KEY,
    name           text        NOT NULL,
    nip            varchar(10) NOT NULL UNIQUE,
    -- SHA-256 of the API key, lower-case hex; the key itself is never stored.
    api_key_sha256 char(64)    NOT NULL UNIQUE,
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    created_at     timestamptz NOT NULL
);

-- Every accepted command; rows in state RECEIVED are the outbox (published by the relay).
CREATE TABLE gateway.commands (
    command_id      uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES gateway.tenants (id),
    idempotency_key text,
    invoice_number  text,
    sha256          text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('RECEIVED', 'PUBLISHED')),
    environment     text        NOT NULL,
    context_nip     varchar(10) NOT NULL,
    seller_nip      varchar(10) NOT NULL,
    -- kept only until published: the event log holds the invoice from then on
    xml             bytea,
    created_at      timestamptz NOT NULL,
    published_at    timestamptz,
    CHECK (state = 'PUBLISHED' OR xml IS NOT NULL)
);

-- NULL keys are distinct in a unique index, so requests without a key never collide.
CREATE UNIQUE INDEX commands_tenant_idempotency_key ON gateway.commands (tenant_id, idempotency_key);
CREATE INDEX commands_unpublished ON gateway.commands (created_at) WHERE state = 'RECEIVED';
