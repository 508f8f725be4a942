package dev.ksefplatform.worker.budget.adapter.jdbc;

import dev.ksefplatform.worker.budget.domain.ContextBudget;
import dev.ksefplatform.worker.budget.domain.GroupBudget;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The snapshot rows of one save as twelve column arrays, bound as the parameters of one {@code unnest}. */
final class SnapshotColumns {

    private final List<ContextBudget> budgets = new ArrayList<>();
    private final List<GroupBudget> groups = new ArrayList<>();
    private final List<Boolean> rested = new ArrayList<>();

    void add(ContextBudget budget, boolean isRested) {
        budget.groups().forEach(group -> {
            budgets.add(budget);
            groups.add(group);
            rested.add(isRested);
        });
    }

    void bind(PreparedStatement statement, int first) throws SQLException {
        var c = statement.getConnection();
        int i = first;
        statement.setArray(i++, c.createArrayOf("text", budgets.stream().map(ContextBudget::environment).toArray()));
        statement.setArray(i++, c.createArrayOf("text", budgets.stream().map(ContextBudget::nip).toArray()));
        statement.setArray(i++, c.createArrayOf("text", of(GroupBudget::group)));
        statement.setArray(i++, c.createArrayOf("int4", of(GroupBudget::perSecond)));
        statement.setArray(i++, c.createArrayOf("int4", of(GroupBudget::perMinute)));
        statement.setArray(i++, c.createArrayOf("int4", of(GroupBudget::perHour)));
        statement.setArray(i++, c.createArrayOf("int4", of(GroupBudget::leftSecond)));
        statement.setArray(i++, c.createArrayOf("int4", of(GroupBudget::leftMinute)));
        statement.setArray(i++, c.createArrayOf("int4", of(GroupBudget::leftHour)));
        statement.setArray(i++, c.createArrayOf("timestamptz", of(g -> timestamp(g.availableAt()))));
        statement.setArray(i++, c.createArrayOf("timestamptz", of(g -> timestamp(g.blockedUntil()))));
        statement.setArray(i, c.createArrayOf("bool", rested.toArray()));
    }

    private Object[] of(Function<GroupBudget, Object> column) {
        return groups.stream().map(column).toArray();
    }

    /** ISO-8601 in UTC: the array literal then means the same instant whatever the JVM's or the session's zone. */
    private static String timestamp(Instant at) {
        return at == null ? null : at.toString();
    }
}
