-- Submissions: planner statistics for the columns the list and the projection filter, order or look up by, from a
-- 3,000-row sample (target 10; the default 100 samples 30,000 rows), and none for the rest (issue #8). Every
-- status change updates a row, so autovacuum analyses this table often: in the cost benchmark 2.2-2.6 s of CPU a run.
-- On a copy with 60,000 rows one ANALYZE took 343-380 ms, 60-62 ms after this. The lists' plans hold
-- (RowLevelSecurityIT.theListQueriesKeepTheirIndexUnderThePolicy); a column a new filter reads needs its statistics
-- back (SET STATISTICS -1), and the same test lists the targets.
ALTER TABLE sync.submissions
    ALTER COLUMN command_id SET STATISTICS 10,
    ALTER COLUMN tenant_id SET STATISTICS 10,
    ALTER COLUMN status SET STATISTICS 10,
    ALTER COLUMN invoice_number SET STATISTICS 10,
    ALTER COLUMN created_at SET STATISTICS 10,
    ALTER COLUMN updated_at SET STATISTICS 10,
    ALTER COLUMN ksef_number SET STATISTICS 10,
    ALTER COLUMN context_nip SET STATISTICS 0,
    ALTER COLUMN ksef_status_code SET STATISTICS 0,
    ALTER COLUMN description SET STATISTICS 0,
    ALTER COLUMN details SET STATISTICS 0,
    ALTER COLUMN session_reference_number SET STATISTICS 0,
    ALTER COLUMN invoice_reference_number SET STATISTICS 0,
    ALTER COLUMN upo_download_url SET STATISTICS 0,
    ALTER COLUMN last_event_id SET STATISTICS 0;
