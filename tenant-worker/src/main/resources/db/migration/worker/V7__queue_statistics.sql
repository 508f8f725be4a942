-- The queue tables' statistics kept close to their contents (issue #8). Their live rows swing from none to tens of
-- thousands within a minute; statistics taken in a quiet moment made the planner expect one row and pick plans that
-- compare every row with every row (an engine UPDATE … FROM unnest 136–254 ms a call, the relay's read 2.4 s). Here
-- they are analysed after 5 % of their rows changed instead of 10 %, and the outbox, whose every row dies, vacuumed
-- after 5 % too. How soon that happens is the server's autovacuum_naptime: the platform's deployments set 2 s.
ALTER TABLE worker.commands SET (autovacuum_analyze_scale_factor = 0.05);
ALTER TABLE worker.upo_fetches SET (autovacuum_analyze_scale_factor = 0.05);
ALTER TABLE worker.outbox SET (autovacuum_analyze_scale_factor = 0.05, autovacuum_vacuum_scale_factor = 0.05);
