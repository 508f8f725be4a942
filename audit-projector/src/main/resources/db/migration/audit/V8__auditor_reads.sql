-- The operators' view across tenants (issue #11 item 2, the admin audit query): role audit_auditor may SELECT every
-- audit row, and nothing else. The tenant path keeps audit_reader and its per-tenant policy; a read switches to
-- audit_auditor only in the service's cross-tenant query (TenantScope.acrossTenants), which only the internal
-- API's callers (command-api, admin) reach and command-api serves behind its admin token.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'audit_auditor') THEN
        CREATE ROLE audit_auditor NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END
$$;

GRANT audit_auditor TO CURRENT_USER;
GRANT USAGE ON SCHEMA audit TO audit_auditor;
GRANT SELECT ON audit.audit_log TO audit_auditor;

CREATE POLICY auditor_reads ON audit.audit_log FOR SELECT TO audit_auditor USING (true);

-- Newest first across tenants without sorting the whole log (bench/AuditQueryBenchmark: the operators' unfiltered
-- page of 100 over 1,099,000 rows p50 825 ms without it, 5.6 ms with it). It costs writes (see the README's Figures).
-- The error statuses need no index of their own across tenants: V7's partial per-tenant one is small enough to scan.
CREATE INDEX audit_log_occurred ON audit.audit_log (occurred_at DESC, event_id DESC);
