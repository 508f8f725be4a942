-- A command the console submitted names the person who asked (TENANT: the tenant's user; STAFF: an operator acting
-- for the tenant), so the forwarded command's actor says so, also when the outbox relay publishes it later.
ALTER TABLE gateway.commands ADD COLUMN actor_type varchar(16), ADD COLUMN actor_id varchar(100);
