-- KSeF authentication sessions this service opened, so that any instance may revoke the ones that were replaced
-- (OPEN -> REPLACED -> REVOKED, or GONE when KSeF no longer lists them). Sessions of the taxpayer's other systems are
-- never recorded here, so never revoked.
CREATE TABLE credentials.auth_sessions (
    reference_number text PRIMARY KEY,
    integration_id   uuid        NOT NULL,
    environment      text        NOT NULL,
    context_nip      text        NOT NULL,
    state            text        NOT NULL,
    opened_at        timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX auth_sessions_replaced ON credentials.auth_sessions (integration_id) WHERE state = 'REPLACED';
