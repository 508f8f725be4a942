-- Row-level security on the tenant-facing audit tables (issue #11 item 4): a query that forgets its tenant filter
-- returns only the tenant of the transaction, and nothing when none is set.
--
-- audit_reader    the service's tenant reads: `SET LOCAL ROLE audit_reader` and
--                 `set_config('app.tenant_id', <tenant>, true)` in each read transaction (TenantScope); SELECT only.
-- audit_projector the projector's writes: every row, INSERT and SELECT (no UPDATE or DELETE of audit rows),
--                 TRUNCATE for the rebuild, and its offsets.
-- The service's login must be a member of both (granted here to the migrating user; see the README for a
-- production login). Neither role is a superuser or has BYPASSRLS, and FORCE makes the tables' owner obey too.
-- Roles are cluster-wide: they are created once and reused by every database that migrates this schema.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'audit_reader') THEN
        CREATE ROLE audit_reader NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'audit_projector') THEN
        CREATE ROLE audit_projector NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END
$$;

GRANT audit_reader, audit_projector TO CURRENT_USER;

GRANT USAGE ON SCHEMA audit TO audit_reader, audit_projector;
GRANT SELECT ON audit.audit_log, audit.tenant_violations TO audit_reader;
GRANT SELECT, INSERT, TRUNCATE ON audit.audit_log, audit.tenant_violations, audit.integration_owners
    TO audit_projector;
GRANT SELECT, INSERT, UPDATE, TRUNCATE ON audit.applied_offsets TO audit_projector;

ALTER TABLE audit.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit.audit_log FORCE ROW LEVEL SECURITY;
ALTER TABLE audit.tenant_violations ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit.tenant_violations FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_reads ON audit.audit_log FOR SELECT TO audit_reader
    USING (tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY projector_writes ON audit.audit_log FOR ALL TO audit_projector
    USING (true) WITH CHECK (true);
CREATE POLICY tenant_reads ON audit.tenant_violations FOR SELECT TO audit_reader
    USING (tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY projector_writes ON audit.tenant_violations FOR ALL TO audit_projector
    USING (true) WITH CHECK (true);
