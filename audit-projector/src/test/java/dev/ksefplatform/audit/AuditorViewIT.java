package dev.ksefplatform.audit;

import static dev.ksefplatform.audit.ItSupport.awaitRows;
import static dev.ksefplatform.audit.ItSupport.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.audit.TestEvents.Call;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.testsupport.QueryPlans;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The operators' view across tenants ({@code GET /internal/v1/audit}), read as role audit_auditor. */
class AuditorViewIT extends AuditServiceIT {

    /** A window no other IT writes in, so "every tenant" means the rows published here. */
    private static final Instant T0 = Instant.parse("2031-03-01T08:00:00Z");
    private static final String WINDOW = "from=2031-03-01T00:00:00Z&to=2031-03-02T00:00:00Z";
    private static final String CONTEXT = "5265877635";
    private static boolean published;

    @BeforeEach
    void twoTenantsHaveRowsInTheWindow() {
        if (!published) {
            publish(TestEvents.ksefCall("tenant-ops-a", "a-1", T0, Call.sendInvoice(CONTEXT, 201)));
            publish(TestEvents.ksefCall("tenant-ops-b", "b-1", T0.plusSeconds(1), Call.sendInvoice(CONTEXT, 503)));
            publish(TestEvents.staffCall("tenant-ops-a", "a-2", T0.plusSeconds(2), Call.sendInvoice(CONTEXT, 429),
                    "operator-jan"));
            publish(TestEvents.ksefCall("tenant-ops-b", "b-2", T0.plusSeconds(3), Call.statusPolls(CONTEXT, 4)));
            publish(TestEvents.rateLimited("tenant-ops-a", "a-3", T0.plusSeconds(4)));
            awaitRows("tenant-ops-a", 3);
            awaitRows("tenant-ops-b", 2);
            published = true;
        }
    }

    /**
     * The audit log keeps statistics for the columns its queries filter or order by and for no other (V9: an ANALYZE
     * sorts every column's sample; issue #8), from a 3,000-row sample (V10: target 10; AuditPlansIT shows the pages'
     * plans hold). A filter on a new column must give that column its statistics back.
     */
    @Test
    void keepsStatisticsForTheFilteredColumnsOnly() {
        assertThat(ItSupport.query(QueryPlans.statisticsTargets("audit.audit_log"))).contains("event_id 10,"
                + "event_type 10,http_status 10,integration_id 10,occurred_at 10,operation 10,tenant_id 10,tenant_nip 10");
    }

    @Test
    void listsEveryTenantsRowsNewestFirstEachNamingItsTenant() {
        JsonNode page = page(WINDOW);

        assertThat(field(page, "correlationId")).containsExactly("a-3", "b-2", "a-2", "b-1", "a-1");
        assertThat(field(page, "tenantId")).containsExactly("tenant-ops-a", "tenant-ops-b", "tenant-ops-a",
                "tenant-ops-b", "tenant-ops-a");
    }

    @Test
    void filtersByTenantOperationStatusClassAndTime() {
        assertThat(field(page(WINDOW + "&tenantId=tenant-ops-b"), "correlationId")).containsExactly("b-2", "b-1");
        assertThat(field(page(WINDOW + "&statusClass=4xx"), "correlationId")).containsExactly("a-3", "a-2");
        assertThat(field(page(WINDOW + "&statusClass=5xx"), "correlationId")).containsExactly("b-1");
        assertThat(field(page(WINDOW + "&operation=ksef.session.status"), "correlationId")).containsExactly("b-2");
        assertThat(field(page("from=2031-03-01T08:00:01Z&to=2031-03-01T08:00:03Z"), "correlationId"))
                .containsExactly("a-2", "b-1");
        assertThat(field(page(WINDOW + "&tenantId=tenant-ops-none"), "correlationId")).isEmpty();
    }

    @Test
    void aStaffRowNamesTheOperatorAndTheTenantItActedFor() {
        JsonNode row = page(WINDOW + "&tenantId=tenant-ops-a&statusClass=4xx&operation=ksef.session.invoice.send")
                .get("items").get(0);

        assertThat(row.get("tenantId").asText()).isEqualTo("tenant-ops-a");
        assertThat(row.get("actor").get("type").asText()).isEqualTo("STAFF");
        assertThat(row.get("actor").get("id").asText()).isEqualTo("operator-jan");
        assertThat(row.get("actor").get("onBehalfOf").asText()).isEqualTo("tenant-ops-a");
    }

    @Test
    void pagesAcrossTenantsWithItsCursorEachRowOnce() {
        List<String> seen = new ArrayList<>();
        JsonNode page = page(WINDOW + "&limit=2");
        while (true) {
            seen.addAll(field(page, "correlationId"));
            if (page.get("nextCursor").isNull()) {
                break;
            }
            page = page(WINDOW + "&limit=2&cursor=" + page.get("nextCursor").asText());
        }

        assertThat(seen).containsExactly("a-3", "b-2", "a-2", "b-1", "a-1");
    }

    @Test
    void aTenantsCursorIsNotAnOperatorsCursorNorTheOtherWayRound() {
        String tenantCursor = http.get().uri("/internal/v1/tenants/tenant-ops-a/audit?limit=1&" + WINDOW)
                .header("Authorization", COMMAND_API).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("nextCursor").asText();
        String operatorsCursor = page(WINDOW + "&limit=1").get("nextCursor").asText();

        badRequest("/internal/v1/audit?cursor=" + tenantCursor);
        badRequest("/internal/v1/tenants/tenant-ops-a/audit?cursor=" + operatorsCursor);
        for (String bad : List.of("statusClass=2XX", "limit=0", "tenantId=", "from=soon")) {
            badRequest("/internal/v1/audit?" + bad);
        }
    }

    @Test
    void theTenantPathStillShowsOneTenantOnly() {
        JsonNode page = http.get().uri("/internal/v1/tenants/tenant-ops-b/audit?" + WINDOW)
                .header("Authorization", COMMAND_API).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(field(page, "tenantId")).containsOnly("tenant-ops-b").hasSize(2);
    }

    @Test
    void theAuditorRoleReadsEveryTenantButWritesNothing() throws SQLException {
        assertThat(asAuditor("SELECT count(DISTINCT tenant_id) FROM audit.audit_log WHERE tenant_id LIKE 'tenant-ops-%'"))
                .isEqualTo("2");
        for (String write : List.of("UPDATE audit.audit_log SET error = 'x'", "DELETE FROM audit.audit_log",
                "SELECT count(*) FROM audit.tenant_violations",
                "INSERT INTO audit.audit_log (event_id, tenant_id, event_type, correlation_id, occurred_at, source,"
                        + " operation, recorded_at) VALUES ('f', 'tenant-ops-a', 'Forged', 'x', now(), 'x', 'x', now())")) {
            assertThatThrownBy(() -> asAuditor(write)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    private JsonNode page(String query) {
        return http.get().uri("/internal/v1/audit?" + query).header("Authorization", COMMAND_API).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void badRequest(String uri) {
        http.get().uri(uri).header("Authorization", COMMAND_API).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/invalid-request");
    }

    private static List<String> field(JsonNode page, String name) {
        List<String> values = new ArrayList<>();
        page.get("items").forEach(item -> values.add(item.get(name).asText()));
        return values;
    }

    /** The first column of the first row, as role audit_auditor in a transaction of its own. */
    private static String asAuditor(String sql) throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("SET LOCAL ROLE audit_auditor");
                try (var rows = statement.executeQuery(sql)) {
                    return rows.next() ? rows.getString(1) : null;
                }
            } finally {
                connection.rollback();
            }
        }
    }
}
