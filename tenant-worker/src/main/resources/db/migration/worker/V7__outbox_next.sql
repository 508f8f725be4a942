-- The relay's poll (issue #8). The relay deletes what it published, so between two autovacuum runs (a minute apart
-- by default) the outbox holds thousands of dead rows for a few live ones. The planner, expecting a few rows per
-- partition, read them with a bitmap scan, which visits every dead row's heap page on every poll and never marks
-- an index entry dead: 16,000 pages read for 10 rows (EXPLAIN in tenant-worker/README.md, "Cost per invoice").
-- A plain index scan on outbox_partition marks the entries it finds dead, so the next poll skips them. A function
-- is the only place a setting can hold for one statement without a transaction of its own around it; PL/pgSQL, as
-- it keeps the statement's plan for the session (a LANGUAGE sql function with a SET clause is planned again on
-- every call: it cost more than the scan it saved, README).
CREATE FUNCTION worker.outbox_next(owner_id varchar, max_rows integer)
    RETURNS TABLE (id bigint, topic varchar, tenant_id varchar, value bytea, headers bytea)
    LANGUAGE plpgsql STABLE
    SET enable_bitmapscan = off
AS $$
BEGIN
    RETURN QUERY SELECT o.id, o.topic, o.tenant_id, o.value, o.headers FROM worker.outbox o
                  WHERE o.partition IN (SELECT p.partition FROM worker.partition_owners p WHERE p.owner = owner_id)
                  ORDER BY o.id LIMIT max_rows;
END
$$;
