-- The audit API's selective filters get their own paths: without them a page filtered by a rare status class
-- (5xx) or an integration the tenant seldom uses walks the tenant's whole history in the main index
-- (bench/AuditQueryBenchmark: ~0.4-1 s for a tenant of 1,000,000 rows, growing with the log). Dense filters
-- (context NIP, operation, 2xx) stay on audit_log_tenant_occurred, where matches come early.
-- Only error statuses are indexed by status: 2xx rows, the bulk, cost no index write, and 1xx-3xx classes are
-- dense. The status filter's values reach the planner bound per execution (no cached generic plan, see the yml),
-- so it sees that `http_status >= 500` lies inside the index's predicate.
CREATE INDEX audit_log_tenant_error_status ON audit.audit_log (tenant_id, http_status, occurred_at DESC, event_id DESC)
    WHERE http_status >= 400;
CREATE INDEX audit_log_tenant_integration
    ON audit.audit_log (tenant_id, integration_id, occurred_at DESC, event_id DESC);
