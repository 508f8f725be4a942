-- Row-level security on the tenant-facing tables (issue #11 item 4): a query that forgets its tenant filter returns
-- only the tenant of the transaction, and nothing when none is set. The pattern is audit-projector's (its V5).
--
-- sync_reader    the API's tenant reads: `SET LOCAL ROLE sync_reader` and `set_config('app.tenant_id', <tenant>,
--                true)` in each read transaction (TenantScope); SELECT only, no other table.
-- sync_projector every row: the projection's folds, the rebuild, and the jobs that work across tenants (inbox
--                schedule, webhook delivery, outbox relay). It grants no privilege: the service's login owns the
--                tables (it runs these migrations); membership only selects the policy that shows it every row.
-- The service's login must be a member of both. Neither role is a superuser or has BYPASSRLS, and FORCE makes the
-- tables' owner obey the policies too. Roles are cluster-wide: created here when missing (that needs CREATEROLE or a
-- superuser; otherwise an administrator creates them and grants them to the login first, as the ITs do).

DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['sync_reader', 'sync_projector'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS', role_name);
        END IF;
        IF NOT pg_has_role(current_user, role_name, 'USAGE') THEN
            EXECUTE format('GRANT %I TO %I', role_name, current_user);
        END IF;
    END LOOP;
END
$$;

GRANT USAGE ON SCHEMA sync TO sync_reader;

DO $$
DECLARE
    table_name text;
BEGIN
    FOREACH table_name IN ARRAY ARRAY['submissions', 'submission_holds', 'documents_raw', 'upo_documents', 'inbox',
            'sync_state', 'sync_runs', 'integrations', 'notifications', 'webhooks', 'webhook_deliveries'] LOOP
        EXECUTE format('GRANT SELECT ON sync.%I TO sync_reader', table_name);
        EXECUTE format('ALTER TABLE sync.%I ENABLE ROW LEVEL SECURITY', table_name);
        EXECUTE format('ALTER TABLE sync.%I FORCE ROW LEVEL SECURITY', table_name);
        EXECUTE format('CREATE POLICY tenant_reads ON sync.%I FOR SELECT TO sync_reader'
                || ' USING (tenant_id = current_setting(''app.tenant_id'', true))', table_name);
        EXECUTE format('CREATE POLICY projector_rows ON sync.%I FOR ALL TO sync_projector'
                || ' USING (true) WITH CHECK (true)', table_name);
    END LOOP;
END
$$;
