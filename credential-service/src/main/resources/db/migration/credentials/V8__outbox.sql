-- Every event this service publishes is first a row here, written in the transaction of the change that caused it;
-- the relay sends unpublished rows to Kafka in seq order and marks them published (README: "Events through an
-- outbox"). envelope is the Avro single-object encoding of the EventEnvelope, so the relay needs no domain objects.
CREATE TABLE credentials.outbox (
    seq          bigserial   PRIMARY KEY,
    message_id   text        NOT NULL UNIQUE,
    message_key  text        NOT NULL,
    envelope     bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);

CREATE INDEX outbox_unpublished ON credentials.outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_published ON credentials.outbox (published_at) WHERE published_at IS NOT NULL;
