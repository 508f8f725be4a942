package dev.ksefplatform.support.tenancy.adapter.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.testsupport.RowLevelReads;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * The shared tenant scope over a table with row-level security: a query that forgets its tenant filter sees the
 * scope's tenant only, nothing without a tenant, all rows as a role whose policy allows them; no setting outlives
 * its transaction on the pooled connection (a pool of one, so the next read gets the same connection).
 */
class PostgresTenantScopeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SETUP = """
            CREATE SCHEMA IF NOT EXISTS scope_it;
            DROP TABLE IF EXISTS scope_it.rows;
            CREATE TABLE scope_it.rows (id text PRIMARY KEY, tenant_id text NOT NULL);
            INSERT INTO scope_it.rows VALUES ('a1', 'tenant-a'), ('a2', 'tenant-a'), ('b1', 'tenant-b');
            ALTER TABLE scope_it.rows ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant_rows ON scope_it.rows FOR SELECT TO scope_it_reader
                USING (tenant_id = current_setting('app.tenant_id', true));
            CREATE POLICY every_row ON scope_it.rows FOR SELECT TO scope_it_auditor USING (true);
            GRANT USAGE ON SCHEMA scope_it TO scope_it_reader, scope_it_auditor;
            GRANT SELECT ON scope_it.rows TO scope_it_reader, scope_it_auditor;
            """;
    private static DatabaseClient db;
    private static PostgresTenantScope scope;

    @BeforeAll
    static void tableUnderPolicies() throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement()) {
            RowLevelReads.ensureRoles(connection, "scope_it_reader", "scope_it_auditor");
            statement.execute(SETUP);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(
                PostgresqlConnectionConfiguration.builder().host(pg.host()).port(pg.port()).database(pg.database())
                        .username(pg.username()).password(pg.password()).build()))
                .initialSize(1).maxSize(1).build());
        db = DatabaseClient.create(pool);
        scope = PostgresTenantScope.asRole(db, TransactionalOperator.create(new R2dbcTransactionManager(pool)),
                "scope_it_reader");
    }

    @Test
    void anUnfilteredQueryInTheScopeSeesOnlyItsTenantsRows() {
        assertThat(scope.readMany("tenant-a", ids()).collectList().block(TIMEOUT)).containsExactly("a1", "a2");
        assertThat(scope.read("tenant-b", ids().collectList()).block(TIMEOUT)).containsExactly("b1");
    }

    @Test
    void anUnknownTenantSeesNothing() {
        assertThat(scope.readMany("tenant-c", ids()).collectList().block(TIMEOUT)).isEmpty();
    }

    @Test
    void aRoleWhosePolicyAllowsEveryRowSeesAllTenantsWithNoneSet() {
        assertThat(scope.acrossTenants("scope_it_auditor", ids()).collectList().block(TIMEOUT))
                .containsExactly("a1", "a2", "b1");
    }

    @Test
    void thePooledConnectionKeepsNeitherTheRoleNorTheTenantNorTheTimeoutAfterwards() {
        scope.withStatementTimeout(Duration.ofSeconds(3)).readMany("tenant-a", ids()).blockLast(TIMEOUT);

        String after = db.sql("SELECT current_user || '|' || coalesce(current_setting('app.tenant_id', true), '')"
                        + " || '|' || current_setting('statement_timeout') AS s")
                .map(row -> row.get("s", String.class)).one().block(TIMEOUT);

        assertThat(after).isEqualTo(EmbeddedPostgres.get().username() + "||0");
    }

    @Test
    void aStatementOverTheTimeoutIsCancelledByTheDatabase() {
        PostgresTenantScope impatient = scope.withStatementTimeout(Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.readMany("tenant-a", db.sql("SELECT pg_sleep(5)").then().flux())
                .blockLast(Duration.ofSeconds(4)))
                .hasRootCauseInstanceOf(R2dbcException.class)
                .satisfies(e -> assertThat(((R2dbcException) rootCause(e)).getSqlState()).isEqualTo("57014"));
    }

    @Test
    void refusesARoleNameThatIsNotAPlainIdentifier() {
        for (String role : List.of("reader; DROP TABLE x", "Reader", "", "a-b")) {
            assertThatThrownBy(() -> scope.acrossTenants(role, Flux.empty())).as(role)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        return failure.getCause() == null ? failure : rootCause(failure.getCause());
    }

    private static Flux<String> ids() {
        return db.sql("SELECT id FROM scope_it.rows ORDER BY id").map(row -> row.get("id", String.class)).all();
    }
}
