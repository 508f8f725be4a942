package dev.ksefplatform.worker.backlog.adapter.jdbc;

import dev.ksefplatform.worker.backlog.application.Backlogs;
import dev.ksefplatform.worker.backlog.domain.ContextBacklog;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link Backlogs} over {@code worker.commands}: one grouped read of the open rows (the partial index
 * {@code commands_open_by_partition} holds exactly those), at most a few seconds, however deep a backlog is.
 */
public final class JdbcBacklogs implements Backlogs {

    private static final String LARGEST = """
            SELECT tenant_id, environment, context_nip,
                   count(*) FILTER (WHERE state = 'QUEUED') AS queued,
                   count(*) FILTER (WHERE state IN ('SENDING', 'SENT')) AS in_ksef,
                   min(received_at) FILTER (WHERE state = 'QUEUED') AS oldest_queued
            FROM worker.commands WHERE state <> 'DONE'
            GROUP BY tenant_id, environment, context_nip
            ORDER BY queued DESC, in_ksef DESC, tenant_id, context_nip LIMIT ?""";

    private final JdbcTemplate jdbc;

    public JdbcBacklogs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ContextBacklog> largest(int limit) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement(LARGEST);
            statement.setQueryTimeout(5);
            statement.setInt(1, limit);
            return statement;
        }, (row, n) -> new ContextBacklog(row.getString("tenant_id"), row.getString("environment"),
                row.getString("context_nip"), row.getLong("queued"), row.getLong("in_ksef"),
                instant(row.getTimestamp("oldest_queued"))));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
