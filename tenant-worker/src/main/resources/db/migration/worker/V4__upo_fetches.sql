-- Accepted invoices whose sent XML and UPO the platform still has to publish (SentInvoiceStored, UpoReceived).
-- A row is written in the transaction that ends the command ACCEPTED, with a copy of the XML taken before the command
-- row drops it; the XML is dropped here once SentInvoiceStored is in the outbox. Done rows are kept (small).
CREATE TABLE worker.upo_fetches (
    command_id         varchar(160) PRIMARY KEY,
    tenant_id          varchar(128) NOT NULL,
    partition          integer      NOT NULL,
    environment        varchar(16)  NOT NULL,
    context_nip        varchar(32)  NOT NULL,
    correlation_id     varchar(160) NOT NULL,
    actor_type         varchar(16),
    actor_id           varchar(160),
    actor_on_behalf_of varchar(160),
    ksef_number        varchar(64)  NOT NULL,
    invoice_number     varchar(256),
    invoice_hash       varchar(64),
    session_ref        varchar(128) NOT NULL,
    invoice_ref        varchar(128),
    acquired_at        timestamptz,
    upo_url            text,
    integration_id     varchar(64),
    provider_nip       varchar(32),
    xml                bytea,
    document_stored    boolean      NOT NULL DEFAULT false,
    state              varchar(16)  NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DONE')),
    attempts           integer      NOT NULL DEFAULT 0,
    last_error         text,
    not_before         timestamptz  NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    done_at            timestamptz
);

CREATE INDEX upo_fetches_due ON worker.upo_fetches (partition, not_before) WHERE state = 'PENDING';
CREATE INDEX upo_fetches_session ON worker.upo_fetches (session_ref) WHERE state = 'PENDING';
