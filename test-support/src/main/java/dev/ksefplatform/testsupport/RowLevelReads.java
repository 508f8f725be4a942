package dev.ksefplatform.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one statement as a row-level security reader role, in one transaction that is rolled back, with
 * {@code app.tenant_id} set as service-support's {@code PostgresTenantScope} sets it (or none, for {@code null}):
 * what a deliberately unfiltered query sees under the policies.
 */
public final class RowLevelReads {

    private RowLevelReads() {
    }

    /** The first column of every row the statement returns; takes over {@code connection} and closes it. */
    public static List<String> asRole(Connection connection, String role, String tenantId, String sql)
            throws SQLException {
        try (connection; Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            if (tenantId != null) {
                statement.execute("SELECT set_config('app.tenant_id', '" + tenantId.replace("'", "''") + "', true)");
            }
            statement.execute("SET LOCAL ROLE " + role);
            List<String> values = statement.execute(sql) ? firstColumn(statement.getResultSet()) : List.of();
            connection.rollback();
            return values;
        }
    }

    /**
     * Creates the row-level security roles that do not exist yet (no login, no superuser, no bypass), as an
     * administrator would before a service's migrations grant to them: roles outlive a database.
     */
    public static void ensureRoles(Connection admin, String... roles) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            for (String role : roles) {
                statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                        + "') THEN CREATE ROLE " + role + " NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF; END $$");
            }
        }
    }

    private static List<String> firstColumn(ResultSet result) throws SQLException {
        List<String> values = new ArrayList<>();
        try (result) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
