-- Release 2 of the event envelope: the integration whose credential acted, KSeF's own code, and the actor.
-- Rows written before this migration keep NULL there until a rebuild (POST /admin/v1/rebuild) refolds them.
-- Text columns carry no length limit: an overlong id from a producer must not cost the log its row.

ALTER TABLE audit.audit_log
    ALTER COLUMN event_id TYPE text,
    ALTER COLUMN tenant_id TYPE text,
    ALTER COLUMN event_type TYPE text,
    ALTER COLUMN correlation_id TYPE text,
    ALTER COLUMN causation_id TYPE text,
    ALTER COLUMN source TYPE text,
    ALTER COLUMN operation TYPE text,
    ALTER COLUMN tenant_nip TYPE text,
    ALTER COLUMN provider_nip TYPE text,
    ADD COLUMN integration_id     text,
    ADD COLUMN ksef_code          integer,
    ADD COLUMN actor_type         text,
    ADD COLUMN actor_id           text,
    ADD COLUMN actor_on_behalf_of text;
