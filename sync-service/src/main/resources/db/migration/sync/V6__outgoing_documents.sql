-- Outgoing documents (issue #11): the XML of every invoice the platform sent and KSeF accepted goes into
-- sync.documents_raw (direction OUTGOING, subject type Subject1: the tenant is the seller) from SentInvoiceStored,
-- and its UPO into sync.upo_documents from UpoReceived. Both are folded from the event log (kept forever) and refilled
-- by a rebuild; both are append-only with the same triggers as received documents.

CREATE TABLE sync.upo_documents (
    tenant_id                text        NOT NULL,
    ksef_number              text        NOT NULL,
    session_reference_number text        NOT NULL,
    sha256                   text        NOT NULL,
    upo_xml                  bytea       NOT NULL,
    event_id                 text        NOT NULL,
    received_at              timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, ksef_number)
);

CREATE FUNCTION sync.refuse_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER upo_documents_append_only BEFORE UPDATE OR DELETE ON sync.upo_documents
    FOR EACH ROW EXECUTE FUNCTION sync.refuse_document_change();

CREATE FUNCTION sync.refuse_document_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('sync.rebuild', true), '') <> 'on' THEN
        RAISE EXCEPTION '%.% is append-only: TRUNCATE only inside a read-model rebuild', TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER upo_documents_truncate_only_in_rebuild BEFORE TRUNCATE ON sync.upo_documents
    FOR EACH STATEMENT EXECUTE FUNCTION sync.refuse_document_truncate();

-- the documents of one submission are found through its KSeF number
CREATE INDEX submissions_tenant_ksef_number ON sync.submissions (tenant_id, ksef_number) WHERE ksef_number IS NOT NULL;
