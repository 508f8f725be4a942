-- The two append-only document tables are read by their key alone ((tenant, KSeF number): the XML as sent or
-- received, the UPO), so their planner statistics are the key's, from a 3,000-row sample (target 10), and none for
-- the rest (issue #8). Autovacuum analyses a table after 10 % growth, and an ANALYZE samples 300 rows per unit of the
-- largest statistics target (30,000 by default) and sorts every column's sampled values: in the cost benchmark these
-- two tables' analyses took 3.3-3.8 s of CPU a run, 98-105 ms each for upo_documents. On a copy with 34,000 rows one
-- ANALYZE of upo_documents took 402-709 ms, 81-131 ms after this; documents_raw 182-320 ms, 35-58 ms. A column read
-- by anything but the key needs its statistics back (SET STATISTICS -1); OutgoingDocumentsIT lists the targets.
ALTER TABLE sync.upo_documents
    ALTER COLUMN tenant_id SET STATISTICS 10,
    ALTER COLUMN ksef_number SET STATISTICS 10,
    ALTER COLUMN session_reference_number SET STATISTICS 0,
    ALTER COLUMN sha256 SET STATISTICS 0,
    ALTER COLUMN upo_xml SET STATISTICS 0,
    ALTER COLUMN event_id SET STATISTICS 0,
    ALTER COLUMN received_at SET STATISTICS 0;
ALTER TABLE sync.documents_raw
    ALTER COLUMN tenant_id SET STATISTICS 10,
    ALTER COLUMN ksef_number SET STATISTICS 10,
    ALTER COLUMN direction SET STATISTICS 0,
    ALTER COLUMN subject_type SET STATISTICS 0,
    ALTER COLUMN acquisition_date SET STATISTICS 0,
    ALTER COLUMN sha256 SET STATISTICS 0,
    ALTER COLUMN raw_xml SET STATISTICS 0,
    ALTER COLUMN event_id SET STATISTICS 0,
    ALTER COLUMN received_at SET STATISTICS 0;
