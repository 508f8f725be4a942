package dev.ksefplatform.testsupport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A plan as PostgreSQL prints it, for the tests that assert which index a query reads. */
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
}
