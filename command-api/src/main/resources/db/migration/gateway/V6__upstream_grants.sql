-- Which tenants each upstream system may act for, granted and withdrawn by the admin API. A tenant's grants go with
-- the tenant.
CREATE TABLE gateway.upstream_grants (
    system_id  varchar(40) NOT NULL,
    tenant_id  uuid        NOT NULL REFERENCES gateway.tenants (id) ON DELETE CASCADE,
    granted_at timestamptz NOT NULL,
    PRIMARY KEY (system_id, tenant_id)
);
