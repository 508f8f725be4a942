-- When an integration's credential last served a lease, and when the secret it logs in with was last replaced (its own
-- secret, or for an integration acting with a provider credential, that credential's). last_used_at is written by the
-- granted lease's own statement at most once a minute per integration, so a busy integration costs no extra row and at
-- most one row update a minute.
ALTER TABLE credentials.integrations ADD COLUMN last_used_at timestamptz;
ALTER TABLE credentials.integrations ADD COLUMN rotated_at timestamptz;
ALTER TABLE credentials.provider_credentials ADD COLUMN rotated_at timestamptz;

UPDATE credentials.integrations i SET last_used_at = l.last
FROM (SELECT integration_id, max(requested_at) AS last FROM credentials.leases
      WHERE outcome = 'GRANTED' AND integration_id IS NOT NULL GROUP BY integration_id) l
WHERE l.integration_id = i.id;
