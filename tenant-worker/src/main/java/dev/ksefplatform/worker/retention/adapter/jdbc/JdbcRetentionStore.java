package dev.ksefplatform.worker.retention.adapter.jdbc;

import dev.ksefplatform.worker.retention.application.RetentionStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One {@code DELETE} per table and round, each its own transaction: the oldest finished rows through a partial index
 * of the finish time (so a round reads what it deletes, not the live queue), locked with {@code SKIP LOCKED} so that
 * instances pruning at once delete different rows and never wait for each other or for a re-drive's lock.
 * Only rows nothing reads any more go: commands {@code DONE}, UPO fetches {@code DONE} or {@code LOST}, inbox syncs
 * {@code DONE}, verifications {@code DONE} or {@code REFUSED}, sessions closed, done, abandoned or failed (the lanes
 * read live sessions only; a command keeps its session's reference itself).
 */
public final class JdbcRetentionStore implements RetentionStore {

    /** Table → (key, finished condition, finish time). */
    private static final Map<String, String[]> TABLES = tables();

    private final JdbcTemplate jdbc;

    public JdbcRetentionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> prune(Instant before, int max) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        TABLES.forEach((table, t) -> deleted.put(table, jdbc.update("DELETE FROM worker." + table + " WHERE " + t[0]
                + " IN (SELECT " + t[0] + " FROM worker." + table + " WHERE " + t[1] + " AND " + t[2] + " < ? ORDER BY "
                + t[2] + " LIMIT ? FOR UPDATE SKIP LOCKED)", Timestamp.from(before), max)));
        return deleted;
    }

    private static Map<String, String[]> tables() {
        Map<String, String[]> tables = new LinkedHashMap<>();
        tables.put("commands", new String[] {"command_id", "state = 'DONE'", "finished_at"});
        tables.put("upo_fetches", new String[] {"command_id", "state <> 'PENDING'", "coalesce(done_at, lost_at)"});
        tables.put("inbox_syncs", new String[] {"command_id", "state = 'DONE'", "finished_at"});
        tables.put("verifications", new String[] {"command_id", "state <> 'QUEUED'", "done_at"});
        tables.put("sessions", new String[] {"session_ref",
                "state IN ('CLOSED', 'DONE', 'ABANDONED', 'FAILED')", "opened_at"});
        return tables;
    }
}
