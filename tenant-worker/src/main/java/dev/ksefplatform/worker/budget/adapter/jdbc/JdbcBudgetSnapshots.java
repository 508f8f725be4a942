package dev.ksefplatform.worker.budget.adapter.jdbc;

import dev.ksefplatform.worker.budget.application.BudgetSnapshots;
import dev.ksefplatform.worker.budget.domain.BudgetSnapshot;
import dev.ksefplatform.worker.budget.domain.ContextBudget;
import dev.ksefplatform.worker.budget.domain.GroupBudget;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link BudgetSnapshots} in {@code worker.budget_snapshots}: one multi-row upsert (arrays unnested) per save. */
public final class JdbcBudgetSnapshots implements BudgetSnapshots {

    private static final String UPSERT = """
            INSERT INTO worker.budget_snapshots AS s (environment, context_nip, limit_group, per_second, per_minute,
                per_hour, left_second, left_minute, left_hour, available_at, blocked_until, rested, instance_id, taken_at)
            SELECT r.*, ?, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[],
                ?::int[], ?::int[], ?::timestamptz[], ?::timestamptz[], ?::boolean[]) AS r
            ON CONFLICT (environment, context_nip, limit_group) DO UPDATE SET per_second = EXCLUDED.per_second,
                per_minute = EXCLUDED.per_minute, per_hour = EXCLUDED.per_hour, left_second = EXCLUDED.left_second,
                left_minute = EXCLUDED.left_minute, left_hour = EXCLUDED.left_hour, available_at = EXCLUDED.available_at,
                blocked_until = EXCLUDED.blocked_until, rested = EXCLUDED.rested, instance_id = EXCLUDED.instance_id,
                taken_at = EXCLUDED.taken_at
            WHERE NOT EXCLUDED.rested OR s.instance_id = EXCLUDED.instance_id""";

    private final JdbcTemplate jdbc;

    public JdbcBudgetSnapshots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(List<ContextBudget> live, List<ContextBudget> rested, String instanceId, Instant takenAt) {
        SnapshotColumns columns = new SnapshotColumns();
        live.forEach(budget -> columns.add(budget, false));
        rested.forEach(budget -> columns.add(budget, true));
        jdbc.execute(UPSERT, (java.sql.PreparedStatement statement) -> {
            statement.setString(1, instanceId);
            statement.setObject(2, takenAt.atOffset(java.time.ZoneOffset.UTC));
            columns.bind(statement, 3);
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<BudgetSnapshot> find(String environment, String nip) {
        List<Row> rows = jdbc.query("""
                        SELECT * FROM worker.budget_snapshots WHERE environment = ? AND context_nip = ?
                        ORDER BY limit_group""", (rs, n) -> row(rs), environment, nip);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ContextBudget budget = new ContextBudget(environment, nip, rows.stream().map(Row::group).toList());
        Instant takenAt = rows.stream().map(Row::takenAt).max(Instant::compareTo).orElseThrow();
        return Optional.of(new BudgetSnapshot(budget, takenAt, rows.stream().allMatch(Row::rested)));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new GroupBudget(rs.getString("limit_group"), rs.getInt("per_second"), rs.getInt("per_minute"),
                rs.getInt("per_hour"), rs.getInt("left_second"), rs.getInt("left_minute"), rs.getInt("left_hour"),
                instant(rs.getTimestamp("available_at")), instant(rs.getTimestamp("blocked_until"))),
                rs.getTimestamp("taken_at").toInstant(), rs.getBoolean("rested"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Row(GroupBudget group, Instant takenAt, boolean rested) {
    }
}
