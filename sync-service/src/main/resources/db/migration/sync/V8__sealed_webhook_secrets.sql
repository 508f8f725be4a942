-- Webhook signing secrets sealed at rest (AES-256-GCM, key from configuration). V9 (a Java migration, it needs the
-- key) seals the rows V5 stored in clear; V10 then drops the clear column.
ALTER TABLE sync.webhooks ADD COLUMN secret_key_id varchar(64), ADD COLUMN secret_sealed bytea,
    ALTER COLUMN signing_secret DROP NOT NULL;
