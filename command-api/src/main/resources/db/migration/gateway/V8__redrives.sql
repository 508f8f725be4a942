-- Operators' re-drives of dead letters of ksef.commands.v1 (POST /admin/v1/dead-letters/{deadLetter}/redrive). One row
-- per dead letter: a second request for it answers the first one's outcome and publishes nothing. Rows not yet
-- PUBLISHED are the outbox: the relay reads their dead letter again and publishes the command and CommandRedriven.
CREATE TABLE gateway.redrives (
    dead_letter    varchar(300) PRIMARY KEY,
    command_id     text         NOT NULL,
    tenant_id      text         NOT NULL,
    correlation_id text         NOT NULL,
    operator       varchar(100) NOT NULL,
    note           varchar(500),
    state          text         NOT NULL CHECK (state IN ('RECEIVED', 'PUBLISHED')),
    requested_at   timestamptz  NOT NULL,
    published_at   timestamptz
);

CREATE INDEX redrives_unpublished ON gateway.redrives (requested_at) WHERE state = 'RECEIVED';
