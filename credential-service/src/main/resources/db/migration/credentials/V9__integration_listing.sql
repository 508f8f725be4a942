-- The operators' listing (GET /admin/v1/integrations) pages every tenant's integrations in this order.
CREATE INDEX integrations_listing ON credentials.integrations (created_at, id);
