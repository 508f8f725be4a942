-- Audit rows are append-only for everyone, the tables' owner and superusers included: an UPDATE or DELETE
-- statement is refused whatever rows it would touch. TRUNCATE (the rebuild, which replays the event log that holds
-- everything the rows say) is a separate privilege, granted to audit_projector only.

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit rows are append-only: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
END
$$;

CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit.tenant_violations
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
