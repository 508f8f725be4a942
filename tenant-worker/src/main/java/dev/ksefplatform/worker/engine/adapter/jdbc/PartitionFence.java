package dev.ksefplatform.worker.engine.adapter.jdbc;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A transaction's hold on the ownership of its partitions: every state change of the worker checks, in its own
 * transaction, that this instance still owns the partition, and no other instance can claim the partition until that
 * transaction ends. The hold is a shared transaction-level advisory lock per partition, which a claim takes exclusively
 * before it changes the owner; the owner is read in the next statement (so with a snapshot taken after the lock).
 * It was {@code SELECT … FOR SHARE} on the owner's row, which writes the row's header on every check (its lockers;
 * a multixact when several hold it): the partitions' rows share one page, so every lane's check queued for that
 * page's lock (2.7–3.0 ms a call under load, 4–6 % of PostgreSQL's busy samples in {@code LWLock:BufferContent};
 * tenant-worker README, "The partition fence without a row lock").
 * Locks are taken in partition order, so a claim of several partitions and a check of several cannot deadlock.
 */
public final class PartitionFence {

    /** The advisory locks' first key: this feature's lock space, ("ksef", partition). */
    private static final int LOCKS = 0x6b736566;

    private PartitionFence() {
    }

    /** Holds {@code partition} until the transaction ends; answers whether {@code owner} owns it. In a transaction. */
    public static boolean holds(JdbcTemplate jdbc, int partition, String owner) {
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?, ?)", rs -> { }, LOCKS, partition);
        return !jdbc.queryForList("SELECT 1 FROM worker.partition_owners WHERE partition = ? AND owner = ?",
                Integer.class, partition, owner).isEmpty();
    }

    /** Holds every partition of {@code partitions}; answers those {@code owner} owns. In a transaction. */
    public static Set<Integer> held(JdbcTemplate jdbc, Collection<Integer> partitions, String owner) {
        Integer[] sorted = partitions.stream().distinct().sorted().toArray(Integer[]::new);
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?, p) FROM unnest(?::int[]) WITH ORDINALITY AS u(p, n) ORDER BY n",
                rs -> { }, LOCKS, sorted);
        return new HashSet<>(jdbc.queryForList(
                "SELECT partition FROM worker.partition_owners WHERE partition = ANY (?) AND owner = ?",
                Integer.class, sorted, owner));
    }

    /** Waits until no transaction holds {@code partition}, and keeps any from holding it until this one ends. */
    public static void claim(JdbcTemplate jdbc, int partition) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> { }, LOCKS, partition);
    }
}
