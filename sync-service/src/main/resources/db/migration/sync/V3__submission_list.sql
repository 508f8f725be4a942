-- The submissions list (GET /internal/v1/tenants/{tenantId}/submissions), newest first with keyset paging.
-- updated_at moves as a submission's status does, so a page boundary on it would skip or repeat rows; created_at is
-- the time of the first event of the command the read model folded, and never changes.
ALTER TABLE sync.submissions ADD COLUMN created_at timestamptz;
UPDATE sync.submissions SET created_at = updated_at;
ALTER TABLE sync.submissions ALTER COLUMN created_at SET NOT NULL;
-- the projection always sets it; the default serves rows written by hand (operators, tests)
ALTER TABLE sync.submissions ALTER COLUMN created_at SET DEFAULT now();

CREATE INDEX submissions_tenant_listed ON sync.submissions (tenant_id, created_at DESC, command_id DESC);
