-- Statistics only for the columns a query filters or orders by (AuditQuery: tenant, time, event id, operation,
-- context, integration, event type, HTTP status). ANALYZE samples 30,000 rows and sorts every column's values:
-- in the cost benchmark autovacuum's analyses of this table were its costliest work (4.2 s of 11.4 s over a run,
-- 130 ms each, issue #8), and a copy with 150,000 rows analysed in 334-432 ms, 179-182 ms without these columns.
-- A column added to a filter must get its statistics back (SET STATISTICS -1); AuditorViewIT lists them.
ALTER TABLE audit.audit_log
    ALTER COLUMN correlation_id SET STATISTICS 0,
    ALTER COLUMN causation_id SET STATISTICS 0,
    ALTER COLUMN source SET STATISTICS 0,
    ALTER COLUMN provider_nip SET STATISTICS 0,
    ALTER COLUMN duration_ms SET STATISTICS 0,
    ALTER COLUMN error SET STATISTICS 0,
    ALTER COLUMN recorded_at SET STATISTICS 0,
    ALTER COLUMN ksef_code SET STATISTICS 0,
    ALTER COLUMN actor_type SET STATISTICS 0,
    ALTER COLUMN actor_id SET STATISTICS 0,
    ALTER COLUMN actor_on_behalf_of SET STATISTICS 0,
    ALTER COLUMN method SET STATISTICS 0,
    ALTER COLUMN endpoint SET STATISTICS 0,
    ALTER COLUMN calls SET STATISTICS 0,
    ALTER COLUMN first_call_at SET STATISTICS 0,
    ALTER COLUMN session_reference_number SET STATISTICS 0;
