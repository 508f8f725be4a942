package dev.ksefplatform.audit;

import static dev.ksefplatform.audit.ItSupport.awaitRows;
import static dev.ksefplatform.audit.ItSupport.publish;
import static dev.ksefplatform.audit.ItSupport.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.audit.TestEvents.Call;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Every KSeF call as one audit row, and the query API over them: filters and keyset paging. */
class KsefCallAuditIT extends AuditServiceIT {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final String CONTEXT = "5265877635";
    private static final String OTHER_CONTEXT = "1111111111";

    @Test
    void everyRecordedCallIsOneRowWithTheCallAndItsAudit() {
        EventEnvelope polls = TestEvents.ksefCall("tenant-calls", "cmd-1", T0, Call.statusPolls(CONTEXT, 7));
        publish(polls);
        publish(polls);

        awaitRows("tenant-calls", 1);

        http.get().uri("/internal/v1/tenants/tenant-calls/audit").header("Authorization", COMMAND_API).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.nextCursor").isEmpty()
                .jsonPath("$.items[0].eventId").isEqualTo(polls.getMessageId())
                .jsonPath("$.items[0].eventType").isEqualTo("KsefCallRecorded")
                .jsonPath("$.items[0].source").isEqualTo("tenant-worker")
                .jsonPath("$.items[0].operation").isEqualTo("ksef.session.status")
                .jsonPath("$.items[0].tenantNip").isEqualTo(CONTEXT)
                .jsonPath("$.items[0].providerNip").isEqualTo("7010002137")
                .jsonPath("$.items[0].integrationId").isEqualTo("integration-7")
                .jsonPath("$.items[0].httpStatus").isEqualTo(200)
                .jsonPath("$.items[0].correlationId").isEqualTo("cmd-1")
                .jsonPath("$.items[0].actor.type").isEqualTo("TENANT")
                .jsonPath("$.items[0].call.method").isEqualTo("GET")
                .jsonPath("$.items[0].call.endpoint").isEqualTo("/sessions/{referenceNumber}")
                .jsonPath("$.items[0].call.calls").isEqualTo(7)
                .jsonPath("$.items[0].call.firstCallAt").isEqualTo("2026-11-23T07:59:54Z")
                .jsonPath("$.items[0].call.sessionReferenceNumber").isEqualTo("20261122-SO-2B5D3C7A0F-9B6E9C1D2A-7F");
        assertThat(query("SELECT sum(calls) FROM audit.audit_log WHERE tenant_id = 'tenant-calls'"
                + " AND event_type = 'KsefCallRecorded'")).contains("7");
    }

    @Test
    void filtersSelectByTimeOperationContextIntegrationAndStatusClass() {
        List<EventEnvelope> events = List.of(
                TestEvents.ksefCall("tenant-filter", "cmd-1", T0, Call.sendInvoice(CONTEXT, 201)),
                TestEvents.ksefCall("tenant-filter", "cmd-2", T0.plusSeconds(60), Call.sendInvoice(CONTEXT, 429)),
                TestEvents.ksefCall("tenant-filter", "cmd-3", T0.plusSeconds(120), Call.sendInvoice(OTHER_CONTEXT, 503)),
                TestEvents.ksefCall("tenant-filter", "cmd-4", T0.plusSeconds(180),
                        Call.statusPolls(CONTEXT, 3).withIntegration("integration-9")));
        events.forEach(ItSupport::publish);
        awaitRows("tenant-filter", 4);

        assertThat(correlations("tenant-filter", "statusClass=4xx")).containsExactly("cmd-2");
        assertThat(correlations("tenant-filter", "statusClass=5xx")).containsExactly("cmd-3");
        assertThat(correlations("tenant-filter", "contextNip=" + CONTEXT)).containsExactly("cmd-4", "cmd-2", "cmd-1");
        assertThat(correlations("tenant-filter", "integrationId=integration-9")).containsExactly("cmd-4");
        assertThat(correlations("tenant-filter", "operation=ksef.session.invoice.send&statusClass=2xx"))
                .containsExactly("cmd-1");
        assertThat(correlations("tenant-filter", "from=2026-11-23T08:01:00Z&to=2026-11-23T08:03:00Z"))
                .containsExactly("cmd-3", "cmd-2");
        assertThat(correlations("tenant-filter", "eventType=RateLimited")).isEmpty();
    }

    @Test
    void cursorPagesThroughEveryRowOnceNewestFirstAndOnlyForItsTenant() {
        for (int i = 0; i < 5; i++) {
            publish(TestEvents.ksefCall("tenant-pages", "cmd-" + i, T0.plusSeconds(i), Call.sendInvoice(CONTEXT, 201)));
        }
        // two rows at the same instant: the event id breaks the tie, so none is skipped or repeated
        publish(TestEvents.ksefCall("tenant-pages", "cmd-5", T0.plusSeconds(4), Call.sendInvoice(CONTEXT, 201)));
        awaitRows("tenant-pages", 6);

        List<String> seen = new ArrayList<>();
        JsonNode page = page("tenant-pages", "limit=2");
        String firstCursor = page.get("nextCursor").asText();
        while (true) {
            page.get("items").forEach(item -> seen.add(item.get("correlationId").asText()));
            if (page.get("nextCursor").isNull()) {
                break;
            }
            page = page("tenant-pages", "limit=2&cursor=" + page.get("nextCursor").asText());
        }

        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(seen.subList(2, 6)).containsExactly("cmd-3", "cmd-2", "cmd-1", "cmd-0");
        http.get().uri("/internal/v1/tenants/tenant-other/audit?limit=2&cursor=" + firstCursor)
                .header("Authorization", COMMAND_API).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type")
                .isEqualTo("https://ksef-platform.dev/problems/cursor-not-found");
    }

    @Test
    void badFiltersAndCursorsAreBadRequestProblems() {
        for (String bad : List.of("statusClass=6xx", "contextNip=12345", "limit=1001", "cursor=not-a-cursor",
                "from=2026-11-23T08:00:00Z&to=2026-11-23T08:00:00Z", "from=yesterday")) {
            http.get().uri("/internal/v1/tenants/tenant-bad/audit?" + bad).header("Authorization", COMMAND_API)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/invalid-request");
        }
    }

    private List<String> correlations(String tenantId, String query) {
        List<String> ids = new ArrayList<>();
        page(tenantId, query).get("items").forEach(item -> ids.add(item.get("correlationId").asText()));
        return ids;
    }

    private JsonNode page(String tenantId, String query) {
        return http.get().uri("/internal/v1/tenants/" + tenantId + "/audit?" + query)
                .header("Authorization", COMMAND_API).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
