-- Every secret is sealed (V9): the clear column goes, and no row may be without its sealed secret.
ALTER TABLE sync.webhooks DROP COLUMN signing_secret;
ALTER TABLE sync.webhooks ALTER COLUMN secret_key_id SET NOT NULL, ALTER COLUMN secret_sealed SET NOT NULL;
