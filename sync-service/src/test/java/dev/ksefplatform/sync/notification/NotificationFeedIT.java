package dev.ksefplatform.sync.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.IntegrationStatusChanged;
import dev.ksefplatform.sync.TestEvents;
import dev.ksefplatform.sync.support.SyncServiceITSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The notification feed folded from the event log: the tenant's own only, newest first, paged, once per event. */
class NotificationFeedIT extends SyncServiceITSupport {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void foldsTheTenantsEventsIntoItsFeedNewestFirstOncePerEventAndPagesIt() {
        String tenant = "tenant-feed-" + UUID.randomUUID();
        String other = "tenant-feed-other-" + UUID.randomUUID();
        String integrationId = UUID.randomUUID().toString();
        EventEnvelope refused = envelope(tenant, integrationId, T0.plusSeconds(1), IntegrationStatusChanged.newBuilder()
                .setIntegrationId(integrationId).setEnvironment("TEST").setTaxpayerNip(TestEvents.NIP)
                .setFromStatus("ACTIVE").setToStatus("ERROR")
                .setReason("permission not found — grant InvoiceWrite to NIP 7740001454").build());
        publish(TestEvents.registered(tenant, integrationId, T0));
        publish(refused);
        publish(refused);
        publish(at(TestEvents.held(tenant, "INTEGRATION_NOT_ACTIVE", null), T0.plusSeconds(2)));
        publish(at(TestEvents.rejected(tenant, UUID.randomUUID().toString()), T0.plusSeconds(3)));
        publish(at(TestEvents.resumed(tenant), T0.plusSeconds(4)));
        publish(TestEvents.syncFailed(tenant, UUID.randomUUID().toString(), "Subject2", T0.plusSeconds(5)));
        publish(TestEvents.accepted(tenant, UUID.randomUUID().toString(), "5265877635-20261201-0100001AF629-AF"));
        publish(at(TestEvents.held(other, "INTEGRATION_NOT_ACTIVE", null), T0.plusSeconds(6)));

        eventually(() -> query("SELECT count(*) FROM sync.notifications WHERE tenant_id = '" + tenant + "'")
                .filter("6"::equals));
        // the other tenant's event may be on another partition (the key is the tenant) and folded later: once failed
        eventually(() -> query("SELECT count(*) FROM sync.notifications WHERE tenant_id = '" + other + "'")
                .filter("1"::equals));
        Map<String, Object> first = page(tenant, "limit=4");
        Map<String, Object> second = page(tenant, "limit=4&cursor=" + first.get("nextCursor"));

        assertThat(kinds(first)).containsExactly("INBOX_SYNC_FAILED", "SUBMISSIONS_RESUMED", "INVOICE_REJECTED",
                "SUBMISSIONS_HELD");
        assertThat(kinds(second)).containsExactly("INTEGRATION_STATUS_CHANGED", "INTEGRATION_STATUS_CHANGED");
        assertThat(second.get("nextCursor")).isNull();
        Map<?, ?> error = items(second).get(0);
        assertThat(error.get("severity")).isEqualTo("ERROR");
        assertThat((String) error.get("message")).contains("grant InvoiceWrite to NIP 7740001454");
        assertThat((String) error.get("action")).contains("/api/v1/integrations/" + integrationId + "/verify");
        assertThat(items(page(other, "limit=50"))).hasSize(1);
        http.get().uri("/internal/v1/tenants/" + other + "/notifications?cursor=" + first.get("nextCursor"))
                .header("Authorization", COMMAND_API).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type")
                .isEqualTo("https://ksef-platform.dev/problems/cursor-not-found");
    }

    @Test
    void refusesABadLimitOrCursor() {
        http.get().uri("/internal/v1/tenants/t/notifications?limit=0").header("Authorization", COMMAND_API).exchange()
                .expectStatus().isBadRequest();
        http.get().uri("/internal/v1/tenants/t/notifications?cursor=forged").header("Authorization", COMMAND_API)
                .exchange().expectStatus().isBadRequest();
        http.get().uri("/internal/v1/tenants/t/notifications").exchange().expectStatus().isUnauthorized();
    }

    private Map<String, Object> page(String tenant, String query) {
        return http.get().uri("/internal/v1/tenants/" + tenant + "/notifications?" + query)
                .header("Authorization", COMMAND_API).exchange().expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<Object> kinds(Map<String, Object> page) {
        return items(page).stream().map(item -> item.get("kind")).toList();
    }

    private static EventEnvelope envelope(String tenant, String correlationId, Instant at, Object payload) {
        return TestEvents.envelope(tenant, correlationId, at, payload);
    }

    private static EventEnvelope at(EventEnvelope event, Instant at) {
        event.setOccurredAt(at);
        return event;
    }
}
