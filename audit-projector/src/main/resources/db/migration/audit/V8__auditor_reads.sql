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

-- Newest first across tenants, and the error statuses across tenants (the few rows an operator hunts for), each
-- read by keyset without sorting the whole log. 2xx rows cost no write in the partial index.
CREATE INDEX audit_log_occurred ON audit.audit_log (occurred_at DESC, event_id DESC);
CREATE INDEX audit_log_error_status ON audit.audit_log (http_status, occurred_at DESC, event_id DESC)
    WHERE http_status >= 400;
