CREATE TABLE credentials.integrations (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL,
    environment     text        NOT NULL,
    taxpayer_nip    text        NOT NULL,
    provider_nip    text        NOT NULL,
    scopes          text[]      NOT NULL,
    credential_type text        NOT NULL,
    status          text        NOT NULL,
    reason          text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- A NIP belongs to at most one tenant per environment; a revoked integration frees it.
CREATE UNIQUE INDEX integrations_live_nip ON credentials.integrations (environment, taxpayer_nip)
    WHERE status <> 'REVOKED';
CREATE INDEX integrations_tenant ON credentials.integrations (tenant_id, status);

-- AES-256-GCM envelopes; the associated data (tenant, kind, environment) is derived from the integration row.
CREATE TABLE credentials.secrets (
    integration_id uuid PRIMARY KEY REFERENCES credentials.integrations (id),
    key_version    integer     NOT NULL,
    wrap_nonce     bytea       NOT NULL,
    wrapped_key    bytea       NOT NULL,
    data_nonce     bytea       NOT NULL,
    ciphertext     bytea       NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX secrets_key_version ON credentials.secrets (key_version);

CREATE TABLE credentials.leases (
    lease_id       uuid PRIMARY KEY,
    caller         text        NOT NULL,
    tenant_id      text        NOT NULL,
    environment    text        NOT NULL,
    context_nip    text        NOT NULL,
    purpose        text        NOT NULL,
    integration_id uuid,
    requested_at   timestamptz NOT NULL,
    outcome        text        NOT NULL,
    reason         text
);
CREATE INDEX leases_tenant_time ON credentials.leases (tenant_id, requested_at DESC);
