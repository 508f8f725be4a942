package dev.ksefplatform.testsupport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the planner is given, for the tests that assert it: a plan as PostgreSQL prints it, and which columns keep
 * statistics from how large a sample (issue #8: each service's migrations set them for the columns its reads use).
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** The plan's lines of {@code explain} (an {@code EXPLAIN …} statement), joined by new lines. */
    public static String of(Statement statement, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(explain)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /**
     * A query of one row: every column (or expression index column) of {@code relation} with a statistics target
     * other than 0, as {@code "name target"} joined by commas in name order (a default target reads -1); null when
     * none has. {@code relation} is the test's own constant, never a value from outside.
     */
    public static String statisticsTargets(String relation) {
        return "SELECT string_agg(attname || ' ' || attstattarget, ',' ORDER BY attname) FROM pg_attribute"
                + " WHERE attrelid = '" + relation + "'::regclass AND attnum > 0 AND NOT attisdropped"
                + " AND attstattarget <> 0";
    }
}
