-- The gateway's tenants as command-api vouched for them (command-api owns tenants): an integration is registered only
-- for a tenant listed here, in that tenant's own NIP. Seeded from the integrations that exist, which were created under
-- the gateway's tenant ids (onboarding, self-service) or by an operator naming one.
CREATE TABLE credentials.gateway_tenants (
    tenant_id   text PRIMARY KEY,
    nip         text        NOT NULL,
    recorded_at timestamptz NOT NULL
);

INSERT INTO credentials.gateway_tenants (tenant_id, nip, recorded_at)
SELECT DISTINCT ON (tenant_id) tenant_id, taxpayer_nip, created_at
FROM credentials.integrations
ORDER BY tenant_id, created_at;
