-- The partition fence (PartitionFence) in one round trip instead of two (issue #8). Every state change of the worker
-- first holds its partitions (a shared transaction-level advisory lock each, in partition order) and then reads whether
-- this instance still owns them; the read must see a claim that committed while the lock was awaited, so it needs a
-- snapshot taken after the lock, which one SQL statement cannot give (its snapshot is taken when it starts). A VOLATILE
-- function's statements each take their own snapshot under READ COMMITTED, so the lock and the read can be one call.
-- At 100 invoices a second through REST each invoice goes through three or four such transactions.
CREATE FUNCTION worker.fence_held(lock_space integer, partitions integer[], owner_id text) RETURNS SETOF integer
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(lock_space, u.p)
       FROM unnest(partitions) WITH ORDINALITY AS u(p, n) ORDER BY u.n;
    RETURN QUERY SELECT o.partition FROM worker.partition_owners o
                  WHERE o.partition = ANY (partitions) AND o.owner = owner_id;
END
$$;
