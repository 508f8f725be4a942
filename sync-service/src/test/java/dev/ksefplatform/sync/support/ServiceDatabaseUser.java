package dev.ksefplatform.sync.support;

import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.testsupport.RowLevelReads;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database user the ITs run sync-service as: an ordinary login role, no superuser, allowed to create its schema
 * in the platform database, as a deployment gives each service its own user. A superuser would prove little about
 * what the service itself may do to its tables.
 */
public final class ServiceDatabaseUser {

    public static final String NAME = "sync_service";
    public static final String PASSWORD = "sync-service-it";


    private static boolean created;

    private ServiceDatabaseUser() {
    }

    /** Creates the role once per database server (the JVM's embedded PostgreSQL). */
    public static synchronized void ensure() {
        if (created) {
            return;
        }
        try (Connection admin = EmbeddedPostgres.get().connect(); Statement statement = admin.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + NAME + "') THEN"
                    + " CREATE ROLE " + NAME + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '"
                    + PASSWORD + "'; END IF; END $$");
            statement.execute("GRANT CREATE ON DATABASE " + EmbeddedPostgres.DATABASE + " TO " + NAME);
            // the row-level security roles (migration V7), made by an administrator: the service may not create roles
            RowLevelReads.ensureRoles(admin, "sync_reader", "sync_projector");
            statement.execute("GRANT sync_reader, sync_projector TO " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the service's database user", e);
        }
        created = true;
    }

    /** A connection as the service's own user. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(EmbeddedPostgres.get().jdbcUrl(), NAME, PASSWORD);
    }
}
