package dev.ksefplatform.audit;

import static dev.ksefplatform.audit.ItSupport.awaitRows;
import static dev.ksefplatform.audit.ItSupport.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.audit.TestEvents.Call;
import dev.ksefplatform.audit.log.adapter.r2dbc.TenantScope;
import dev.ksefplatform.audit.log.application.AuditQueryTimedOut;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.testsupport.RowLevelReads;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Row-level security (issue #11 item 4): deliberately unfiltered queries over the audit tables see only the tenant
 * set for the transaction, and nothing without one. The service itself runs as a non-superuser login (ItSupport).
 */
class RowLevelSecurityIT extends AuditServiceIT {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static boolean published;

    @Autowired
    TenantScope tenantScope;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transaction;

    @BeforeEach
    void twoTenantsHaveRows() {
        if (!published) {
            publish(TestEvents.ksefCall("tenant-rls-a", "cmd-a1", T0, Call.sendInvoice("5265877635", 201)));
            publish(TestEvents.invoiceAccepted("tenant-rls-a", "cmd-a2", null));
            publish(TestEvents.ksefCall("tenant-rls-b", "cmd-b1", T0, Call.sendInvoice("7010002137", 201)));
            publish(TestEvents.invoiceAccepted("tenant-rls-b", "cmd-b2", null));
            awaitRows("tenant-rls-a", 2);
            awaitRows("tenant-rls-b", 2);
            published = true;
        }
    }

    @Test
    void unfilteredSelectUnderTenantASettingReturnsOnlyTenantARows() throws SQLException {
        assertThat(asReader("tenant-rls-a", "SELECT tenant_id FROM audit.audit_log"))
                .isNotEmpty().containsOnly("tenant-rls-a");
        assertThat(asReader("tenant-rls-a", "SELECT tenant_id FROM audit.tenant_violations"))
                .containsExactly("tenant-rls-a");
        assertThat(asReader("tenant-rls-b", "SELECT correlation_id FROM audit.audit_log"))
                .containsExactlyInAnyOrder("cmd-b1", "cmd-b2");
    }

    @Test
    void unfilteredSelectWithNoTenantSetReturnsNothing() throws SQLException {
        assertThat(asReader(null, "SELECT tenant_id FROM audit.audit_log")).isEmpty();
        assertThat(asReader(null, "SELECT tenant_id FROM audit.tenant_violations")).isEmpty();
    }

    @Test
    void readerCanNeitherChangeNorAddRows() {
        for (String write : List.of("UPDATE audit.audit_log SET error = 'x'", "DELETE FROM audit.audit_log",
                "INSERT INTO audit.audit_log (event_id, tenant_id, event_type, correlation_id, occurred_at, source,"
                        + " operation, recorded_at) VALUES ('f', 'tenant-rls-a', 'Forged', 'x', now(), 'x', 'x', now())")) {
            assertThatThrownBy(() -> asReader("tenant-rls-a", write)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void evenASuperuserCannotChangeOrDeleteAuditRows() {
        for (String write : List.of("UPDATE audit.audit_log SET error = 'x' WHERE tenant_id = 'tenant-rls-a'",
                "DELETE FROM audit.audit_log WHERE tenant_id = 'tenant-rls-a'",
                "DELETE FROM audit.tenant_violations WHERE tenant_id = 'tenant-rls-a'")) {
            assertThatThrownBy(() -> ItSupport.execute(write)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(ItSupport.query("SELECT count(*) FROM audit.audit_log WHERE tenant_id = 'tenant-rls-a'"))
                .contains("2");
    }

    @Test
    void serviceTenantScopeShowsAForgottenFilterOnlyItsTenant() {
        List<String> tenants = tenantScope.read("tenant-rls-b",
                db.sql("SELECT tenant_id FROM audit.audit_log").map(row -> row.get("tenant_id", String.class)).all())
                .collectList().block(Duration.ofSeconds(10));

        assertThat(tenants).isNotEmpty().containsOnly("tenant-rls-b");
    }

    @Test
    void aReadOverItsStatementTimeoutIsCancelledByTheDatabase() {
        TenantScope impatient = new TenantScope(db, transaction, Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.read("tenant-rls-a", db.sql("SELECT pg_sleep(5)").then().flux())
                .blockLast(Duration.ofSeconds(4)))
                .isInstanceOf(AuditQueryTimedOut.class);
    }

    @Test
    void serviceConnectsAsANonSuperuserThatDoesNotOwnTheTables() {
        String login = db.sql("SELECT current_user || ',' || rolsuper || ',' || rolbypassrls AS who FROM pg_roles"
                        + " WHERE rolname = current_user").map(row -> row.get("who", String.class)).one()
                .block(Duration.ofSeconds(10));
        String owner = db.sql("SELECT tableowner FROM pg_tables WHERE schemaname = 'audit' AND tablename = 'audit_log'")
                .map(row -> row.get("tableowner", String.class)).one().block(Duration.ofSeconds(10));

        assertThat(login).isEqualTo(ItSupport.SERVICE_LOGIN + ",false,false");
        assertThat(owner).isNotEqualTo(ItSupport.SERVICE_LOGIN);
    }

    /** Runs the statement as the reader role in one transaction, with the tenant set as the service sets it. */
    private static List<String> asReader(String tenantId, String sql) throws SQLException {
        return RowLevelReads.asRole(EmbeddedPostgres.get().connect(), "audit_reader", tenantId, sql);
    }
}
