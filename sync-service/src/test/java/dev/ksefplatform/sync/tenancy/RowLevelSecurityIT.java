package dev.ksefplatform.sync.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.sync.TestEvents;
import dev.ksefplatform.sync.schedule.adapter.r2dbc.R2dbcSyncCandidates;
import dev.ksefplatform.sync.schedule.domain.SyncCandidate;
import dev.ksefplatform.sync.support.ServiceDatabaseUser;
import dev.ksefplatform.sync.support.SyncServiceITSupport;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.testsupport.QueryPlans;
import dev.ksefplatform.testsupport.RowLevelReads;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Row-level security (issue #11 item 4): a deliberately unfiltered {@code SELECT} of every tenant-facing table, run
 * as the reader the API's queries run as, sees the transaction's tenant only, and nothing without one; the jobs that
 * work across tenants still see every tenant. Logged in as the service's own user, which owns the tables.
 */
class RowLevelSecurityIT extends SyncServiceITSupport {

    static final List<String> PROTECTED = List.of("submissions", "submission_holds", "documents_raw",
            "upo_documents", "inbox", "sync_state", "sync_runs", "integrations", "notifications", "webhooks",
            "webhook_deliveries");
    private static final String A = "rls-a-" + UUID.randomUUID();
    private static final String B = "rls-b-" + UUID.randomUUID();
    private static boolean filled;

    @Autowired
    TenantScope scope;
    @Autowired
    DatabaseClient db;

    @BeforeEach
    void bothTenantsHaveRowsInEveryProtectedTable() throws SQLException {
        if (!filled) {
            fill(A);
            fill(B);
            filled = true;
        }
    }

    @Test
    void anUnfilteredSelectAsTheReaderSeesOnlyTheTenantOfTheTransaction() throws SQLException {
        for (String table : PROTECTED) {
            assertThat(asReader(A, "SELECT DISTINCT tenant_id FROM sync." + table)).as(table).containsExactly(A);
            assertThat(asReader(B, "SELECT DISTINCT tenant_id FROM sync." + table)).as(table).containsExactly(B);
        }
    }

    @Test
    void anUnfilteredSelectAsTheReaderWithNoTenantSetSeesNothing() throws SQLException {
        for (String table : PROTECTED) {
            assertThat(asReader(null, "SELECT tenant_id FROM sync." + table)).as(table).isEmpty();
        }
    }

    @Test
    void theServicesTenantScopeShowsAQueryThatForgetsItsFilterOnlyItsTenant() {
        for (String table : PROTECTED) {
            List<String> tenants = scope.readMany(A, db.sql("SELECT DISTINCT tenant_id FROM sync." + table)
                    .map(row -> row.get("tenant_id", String.class)).all()).collectList().block(DEADLINE);
            assertThat(tenants).as(table).containsExactly(A);
        }
    }

    @Test
    void theReaderCanNeitherChangeNorAddRowsNorReadTheOutboxes() {
        for (String statement : List.of("UPDATE sync.submissions SET description = 'x'", "DELETE FROM sync.webhooks",
                "INSERT INTO sync.notifications (event_id, tenant_id, occurred_at, kind, severity, message)"
                        + " VALUES ('forged', '" + A + "', now(), 'X', 'INFO', 'forged')",
                "SELECT count(*) FROM sync.command_outbox", "SELECT count(*) FROM sync.applied_offsets")) {
            assertThatThrownBy(() -> asReader(A, statement)).as(statement).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theSchedulersCrossTenantReadStillSeesEveryTenant() {
        List<String> tenants = new R2dbcSyncCandidates(db).all(List.of("Subject2")).map(SyncCandidate::tenantId)
                .collectList().block(DEADLINE);

        assertThat(tenants).contains(A, B);
    }

    @Test
    void theServiceLoginOwnsTheTablesAndStillObeysThePolicies() throws SQLException {
        for (String table : PROTECTED) {
            assertThat(query("SELECT c.relrowsecurity AND c.relforcerowsecurity AND pg_get_userbyid(c.relowner) = '"
                    + ServiceDatabaseUser.NAME + "' FROM pg_class c WHERE c.oid = 'sync." + table + "'::regclass"))
                    .as(table).contains("t");
        }
        assertThat(query("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = '" + ServiceDatabaseUser.NAME
                + "'")).contains("f");
        try (Connection service = ServiceDatabaseUser.connect(); Statement statement = service.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(DISTINCT tenant_id) FROM sync.submissions"
                     + " WHERE tenant_id IN ('" + A + "', '" + B + "')")) {
            rows.next();
            assertThat(rows.getInt(1)).as("the projector's role sees every tenant").isEqualTo(2);
        }
    }

    /**
     * Submissions keep statistics for the columns the list and the projection read, from a 3,000-row sample, and none
     * for the rest (V12, issue #8: every status change updates a row, and each ANALYZE sorts its sample); the list
     * queries' plans below are read under these statistics.
     */
    @Test
    void submissionsKeepStatisticsForTheColumnsTheyAreReadByFromASmallSample() {
        assertThat(query(QueryPlans.statisticsTargets("sync.submissions"))).contains("command_id 10,created_at 10,invoice_number 10,ksef_number 10,"
                + "status 10,tenant_id 10,updated_at 10");
    }

    /**
     * The hot list queries keep their plan under the policy: 100,000 submissions and 50,000 inbox rows over 1,000
     * tenants, a fifth of them one big tenant's (inserted and analysed in a transaction that is rolled back), each
     * query as the API writes it. Prints both plans, with the policy and without (as the superuser, who bypasses it).
     */
    @Test
    void theListQueriesKeepTheirIndexUnderThePolicy() throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(LOAD);
            for (String[] list : LISTS) {
                String bypassing = QueryPlans.of(statement, "EXPLAIN (ANALYZE, BUFFERS) " + list[1]);
                statement.execute("SELECT set_config('app.tenant_id', 'load-7', true)");
                statement.execute("SET LOCAL ROLE sync_reader");
                String policed = QueryPlans.of(statement, "EXPLAIN (ANALYZE, BUFFERS) " + list[1]);
                statement.execute("RESET ROLE");
                System.out.printf("%n-- %s without the policy:%n%s%n-- with it:%n%s%n", list[0], bypassing, policed);
                assertThat(scans(policed)).as(list[0]).containsExactly("Index Scan using " + list[0] + " on " + list[2])
                        .isEqualTo(scans(bypassing));
            }
            connection.rollback();
        }
    }

    private static final String LOAD = """
            INSERT INTO sync.submissions (command_id, tenant_id, status, invoice_number, last_event_id, updated_at,
                created_at)
            SELECT 'load-' || n, CASE WHEN n <= 20000 THEN 'load-7' ELSE 'load-' || (n % 1000) END,
                (ARRAY['ACCEPTED', 'REJECTED', 'SENT'])[1 + n % 3],
                'FV/' || n, 'e-' || n, now(), now() - n * interval '1 second' FROM generate_series(1, 100000) n;
            INSERT INTO sync.inbox (tenant_id, ksef_number, subject_type, direction, invoice_number, listed_at,
                received_at, sha256)
            SELECT CASE WHEN n <= 10000 THEN 'load-7' ELSE 'load-' || (n % 1000) END, 'ksef-' || n, 'Subject2',
                'INCOMING', 'FA/' || n,
                now() - n * interval '1 second', now(), 'sha' FROM generate_series(1, 50000) n;
            ANALYZE sync.submissions;
            ANALYZE sync.inbox;
            """;

    /** The index each list pages on, and its SQL as KeysetQuery writes it (a filter and a cursor set). */
    private static final String[][] LISTS = {
        {"submissions_tenant_listed", "SELECT * FROM sync.submissions WHERE tenant_id = 'load-7'"
                + " AND status = 'ACCEPTED'"
                + " AND (created_at, command_id) < (now(), 'z') ORDER BY created_at DESC, command_id DESC LIMIT 101",
            "submissions"},
        {"inbox_tenant_listing", "SELECT * FROM sync.inbox WHERE tenant_id = 'load-7' AND invoice_number ILIKE '%1%'"
                + " ESCAPE '\\' ORDER BY listed_at DESC, ksef_number DESC LIMIT 101", "inbox"}};

    /** The plan's scan nodes, without their costs. */
    private static List<String> scans(String plan) {
        return plan.lines().map(String::strip).map(line -> line.replaceFirst("^-> +", ""))
                .filter(line -> line.matches("^(Seq|Index|Index Only|Bitmap Heap|Bitmap Index) Scan.*"))
                .map(line -> line.replaceFirst(" +\\(cost=.*", "")).toList();
    }

    private static void fill(String tenant) throws SQLException {
        String command = UUID.randomUUID().toString();
        String sent = "5265877635-20261122-" + UUID.randomUUID().toString().substring(0, 8) + "-AB";
        String received = "7010002137-20261121-" + UUID.randomUUID().toString().substring(0, 8) + "-CD";
        String integration = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-22T08:00:00Z");
        publish(TestEvents.accepted(tenant, command, sent));
        publish(TestEvents.sentInvoiceStored(tenant, command, sent, bytes("<Faktura>sent</Faktura>")));
        publish(TestEvents.upoReceived(tenant, command, sent, bytes("<Potwierdzenie>" + sent + "</Potwierdzenie>")));
        publish(TestEvents.received(tenant, received, "<Faktura>received</Faktura>"));
        publish(TestEvents.held(tenant, "RATE_LIMIT", at.plusSeconds(3600)));
        publish(TestEvents.synced(tenant, at));
        publish(TestEvents.registered(tenant, integration, at));
        publish(TestEvents.verified(tenant, integration, List.of("InvoiceRead"), at.plusSeconds(1)));
        String webhook = UUID.randomUUID().toString();
        execute("INSERT INTO sync.sync_runs (tenant_id, subject_type, last_command_id, last_trigger, last_issued_at,"
                + " last_finished_at) VALUES ('" + tenant + "', 'Subject3', 'run-" + tenant + "', 'SCHEDULE', now(),"
                + " now())");
        execute("INSERT INTO sync.webhooks (webhook_id, tenant_id, url, secret_key_id, secret_sealed) VALUES ('"
                + webhook + "', '" + tenant + "', 'https://hooks.example/" + tenant + "', '1', '\\x00')");
        execute("INSERT INTO sync.webhook_deliveries (webhook_id, event_id, tenant_id, status) VALUES ('" + webhook
                + "', 'event-" + tenant + "', '" + tenant + "', 'DELIVERED')");
        for (String table : PROTECTED) {
            eventually(() -> query("SELECT 1 FROM sync." + table + " WHERE tenant_id = '" + tenant + "'"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs the statement in one transaction as the reader role, with the tenant set as the service sets it. */
    private static List<String> asReader(String tenantId, String sql) throws SQLException {
        return RowLevelReads.asRole(ServiceDatabaseUser.connect(), "sync_reader", tenantId, sql);
    }
}
