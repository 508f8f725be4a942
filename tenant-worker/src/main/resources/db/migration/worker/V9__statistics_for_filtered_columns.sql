-- Smaller, cheaper statistics for the two queue tables V7 has analysed after 5 % change (issue #8). In the cost
-- benchmark their analyses were autovacuum's costliest work with the audit log's (run K: upo_fetches 2.99 s of CPU in
-- 49 analyses, commands 2.14 s in 48). An ANALYZE samples 300 rows per unit of the largest statistics target (100 by
-- default: 30,000 rows, most of them finished rows kept for retention) and sorts the sampled values of every column.
-- Here the columns the worker's statements filter, join, group or order by keep statistics from a 3,000-row sample
-- (target 10: the share of each state, the partitions and lanes, which is what the queue's plans turn on), and the
-- payload columns, written and read back by key only, none. On a copy with 34,000 rows one ANALYZE took 434-611 ms
-- (commands) and 437-465 ms (upo_fetches); 57-81 and 54-87 ms after this migration. A column that joins a WHERE,
-- JOIN, GROUP BY, ORDER BY or DISTINCT ON needs SET STATISTICS 10 here; WorkReadsIT lists the targets.
ALTER TABLE worker.commands
    ALTER COLUMN command_id SET STATISTICS 10,
    ALTER COLUMN seq SET STATISTICS 10,
    ALTER COLUMN tenant_id SET STATISTICS 10,
    ALTER COLUMN partition SET STATISTICS 10,
    ALTER COLUMN kind SET STATISTICS 10,
    ALTER COLUMN environment SET STATISTICS 10,
    ALTER COLUMN context_nip SET STATISTICS 10,
    ALTER COLUMN state SET STATISTICS 10,
    ALTER COLUMN invoice_hash SET STATISTICS 10,
    ALTER COLUMN invoice_ref SET STATISTICS 10,
    ALTER COLUMN finished_at SET STATISTICS 10,
    ALTER COLUMN correlation_id SET STATISTICS 0,
    ALTER COLUMN causation_id SET STATISTICS 0,
    ALTER COLUMN source SET STATISTICS 0,
    ALTER COLUMN actor_type SET STATISTICS 0,
    ALTER COLUMN actor_id SET STATISTICS 0,
    ALTER COLUMN actor_on_behalf_of SET STATISTICS 0,
    ALTER COLUMN received_at SET STATISTICS 0,
    ALTER COLUMN form_system_code SET STATISTICS 0,
    ALTER COLUMN form_schema_version SET STATISTICS 0,
    ALTER COLUMN form_value SET STATISTICS 0,
    ALTER COLUMN invoice_number SET STATISTICS 0,
    ALTER COLUMN offline_mode SET STATISTICS 0,
    ALTER COLUMN xml SET STATISTICS 0,
    ALTER COLUMN subject_type SET STATISTICS 0,
    ALTER COLUMN from_hwm SET STATISTICS 0,
    ALTER COLUMN session_ref SET STATISTICS 0,
    ALTER COLUMN session_type SET STATISTICS 0,
    ALTER COLUMN batch_file SET STATISTICS 0,
    ALTER COLUMN earlier_sessions SET STATISTICS 0,
    ALTER COLUMN sent_at SET STATISTICS 0,
    ALTER COLUMN outcome SET STATISTICS 0,
    ALTER COLUMN source_offset SET STATISTICS 0,
    ALTER COLUMN redrive_of SET STATISTICS 0;
ALTER TABLE worker.upo_fetches
    ALTER COLUMN command_id SET STATISTICS 10,
    ALTER COLUMN partition SET STATISTICS 10,
    ALTER COLUMN state SET STATISTICS 10,
    ALTER COLUMN not_before SET STATISTICS 10,
    ALTER COLUMN session_ref SET STATISTICS 10,
    ALTER COLUMN invoice_hash SET STATISTICS 10,
    ALTER COLUMN done_at SET STATISTICS 10,
    ALTER COLUMN lost_at SET STATISTICS 10,
    ALTER COLUMN tenant_id SET STATISTICS 0,
    ALTER COLUMN environment SET STATISTICS 0,
    ALTER COLUMN context_nip SET STATISTICS 0,
    ALTER COLUMN correlation_id SET STATISTICS 0,
    ALTER COLUMN actor_type SET STATISTICS 0,
    ALTER COLUMN actor_id SET STATISTICS 0,
    ALTER COLUMN actor_on_behalf_of SET STATISTICS 0,
    ALTER COLUMN ksef_number SET STATISTICS 0,
    ALTER COLUMN invoice_number SET STATISTICS 0,
    ALTER COLUMN invoice_ref SET STATISTICS 0,
    ALTER COLUMN acquired_at SET STATISTICS 0,
    ALTER COLUMN upo_url SET STATISTICS 0,
    ALTER COLUMN integration_id SET STATISTICS 0,
    ALTER COLUMN provider_nip SET STATISTICS 0,
    ALTER COLUMN xml SET STATISTICS 0,
    ALTER COLUMN document_stored SET STATISTICS 0,
    ALTER COLUMN attempts SET STATISTICS 0,
    ALTER COLUMN last_error SET STATISTICS 0,
    ALTER COLUMN created_at SET STATISTICS 0;
-- An expression index's column is analysed with the default target too (the retention's coalesce(done_at, lost_at)).
ALTER INDEX worker.upo_fetches_finished ALTER COLUMN 1 SET STATISTICS 10;
