-- A provider's own credential (its seal/certificate or KSeF token), registered once and used in every client context
-- whose taxpayer granted the provider's NIP. The envelope is bound to the row's id, kind and environment.
CREATE TABLE credentials.provider_credentials (
    id              uuid PRIMARY KEY,
    environment     text        NOT NULL,
    provider_nip    text        NOT NULL,
    credential_type text        NOT NULL,
    description     text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    key_version     integer     NOT NULL,
    wrap_nonce      bytea       NOT NULL,
    wrapped_key     bytea       NOT NULL,
    data_nonce      bytea       NOT NULL,
    ciphertext      bytea       NOT NULL
);
CREATE INDEX provider_credentials_key_version ON credentials.provider_credentials (key_version);

-- An integration either holds its own secret (a row in credentials.secrets) or references a provider credential.
ALTER TABLE credentials.integrations
    ADD COLUMN provider_credential_id uuid REFERENCES credentials.provider_credentials (id);
CREATE INDEX integrations_provider_credential ON credentials.integrations (provider_credential_id)
    WHERE provider_credential_id IS NOT NULL;
