-- Every HTTP call to KSeF is an event of its own (KsefCallRecorded): its row carries the call beside the envelope's
-- audit (operation, context, provider, integration, status, code, duration, error). Repeated status polls of one
-- session come as one record whose `calls` counts them, from `first_call_at` to `occurred_at`.

ALTER TABLE audit.audit_log
    ADD COLUMN method                   text,
    ADD COLUMN endpoint                 text,
    ADD COLUMN calls                    integer,
    ADD COLUMN first_call_at            timestamptz,
    ADD COLUMN session_reference_number text;

-- The query API pages newest first by (occurred_at, event_id) within a tenant.
DROP INDEX audit.audit_log_tenant_occurred;
CREATE INDEX audit_log_tenant_occurred ON audit.audit_log (tenant_id, occurred_at DESC, event_id DESC);
