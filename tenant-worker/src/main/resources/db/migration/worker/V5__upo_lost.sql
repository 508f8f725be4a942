-- A UPO KSeF never serves is not retried for ever: after worker.upo.give-up-after the row ends LOST (issue #11 item
-- 4's follow-up). The command stays ACCEPTED and nothing is sent again; the counter ksef_worker_upo_lost_total and
-- the rows' last_error tell an operator which ones.
ALTER TABLE worker.upo_fetches DROP CONSTRAINT upo_fetches_state_check;
ALTER TABLE worker.upo_fetches ADD CONSTRAINT upo_fetches_state_check CHECK (state IN ('PENDING', 'DONE', 'LOST'));
ALTER TABLE worker.upo_fetches ADD COLUMN lost_at timestamptz;
