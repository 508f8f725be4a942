package dev.ksefplatform.systemtests.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Read-only look at tenant-worker's queue (schema {@code worker}): who owns which partition, what is in flight. */
final class WorkerQueue {

    /** Opens a connection to the platform's database. */
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections db;

    WorkerQueue(Connections db) {
        this.db = db;
    }

    /** partition → owning instance. */
    Map<Integer, String> owners() {
        Map<Integer, String> owners = new HashMap<>();
        query("SELECT partition, owner FROM worker.partition_owners", rs -> owners.put(rs.getInt(1), rs.getString(2)));
        return owners;
    }

    /** instance → its commands in KSeF's hands right now (sending, or sent and waiting for the verdict). */
    Map<String, Integer> inKsefByOwner() {
        Map<String, Integer> busy = new HashMap<>();
        query("SELECT o.owner, count(*) FROM worker.commands c JOIN worker.partition_owners o "
                + "ON o.partition = c.partition WHERE c.state IN ('SENDING', 'SENT') GROUP BY o.owner",
                rs -> busy.put(rs.getString(1), rs.getInt(2)));
        return busy;
    }

    /** Commands of these partitions in KSeF's hands right now. */
    int inKsef(Set<Integer> partitions) {
        int[] n = {0};
        queryWith("SELECT count(*) FROM worker.commands WHERE partition = ANY (?) AND state IN ('SENDING', 'SENT')",
                rs -> n[0] = rs.getInt(1), partitions);
        return n[0];
    }

    /** Commands in the given partitions that were not done at {@code at}. */
    int openAt(Set<Integer> partitions, Instant at) {
        int[] n = {0};
        queryWith("SELECT count(*) FROM worker.commands WHERE partition = ANY (?) AND (finished_at IS NULL OR finished_at > ?) "
                + "AND received_at <= ?", rs -> n[0] = rs.getInt(1), partitions, at, at);
        return n[0];
    }

    /** The first moment after {@code at} a command of these partitions was finished. */
    Optional<Instant> firstFinishedAfter(Set<Integer> partitions, Instant at) {
        Instant[] first = {null};
        queryWith("SELECT min(finished_at) FROM worker.commands WHERE partition = ANY (?) AND finished_at > ? AND received_at <= ?",
                rs -> first[0] = Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant).orElse(null), partitions, at, at);
        return Optional.ofNullable(first[0]);
    }

    Set<Integer> partitionsOf(String owner) {
        Set<Integer> mine = new HashSet<>();
        owners().forEach((p, o) -> {
            if (o.equals(owner)) {
                mine.add(p);
            }
        });
        return mine;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) {
        try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Parameters: a set of partitions becomes an integer array, an instant a timestamp. */
    private void queryWith(String sql, Row row, Object... parameters) {
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Set<?> set) {
                    ps.setArray(i + 1, c.createArrayOf("integer", set.toArray()));
                } else {
                    ps.setTimestamp(i + 1, Timestamp.from((Instant) parameters[i]));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
