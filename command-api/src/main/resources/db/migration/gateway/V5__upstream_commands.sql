-- A command taken from an upstream system's ingress topic names that system (NULL: the tenant's own REST call), so
-- the forwarded command says who asked for it, also when the outbox relay publishes it later.
ALTER TABLE gateway.commands ADD COLUMN upstream_id varchar(64);
