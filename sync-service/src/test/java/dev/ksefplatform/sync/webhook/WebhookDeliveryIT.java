package dev.ksefplatform.sync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.logging.LogScope;
import dev.ksefplatform.sync.TestEvents;
import dev.ksefplatform.testsupport.CapturedLogs;
import dev.ksefplatform.sync.support.SyncServiceITSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Webhooks against a real local HTTP server that checks every signature: notifications are delivered signed, a
 * refused delivery is retried with back-off until it succeeds, outcomes are recorded, and another tenant's webhooks
 * are out of reach. The shared context's settings ({@link SyncServiceITSupport}): a round every 100 ms, retries after
 * 200 ms doubling up to 1 s, 4 attempts, plain HTTP allowed.
 */
class WebhookDeliveryIT extends SyncServiceITSupport {

    @Test
    void deliversEachNotificationSignedAndRetriesARefusedOneWithBackOffUntilItIsAccepted() throws Exception {
        String tenant = "tenant-hooks-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver(2); CapturedLogs logs = CapturedLogs.attach()) {
            Map<String, Object> created = register(tenant, receiver.url());
            String secret = (String) created.get("secret");
            receiver.secret(secret);
            String integrationId = UUID.randomUUID().toString();

            publish(TestEvents.statusChanged(tenant, integrationId, "ACTIVE", "ERROR", Instant.now()));
            publish(TestEvents.held(tenant, "INTEGRATION_NOT_ACTIVE", null));
            List<WebhookReceiver.Received> accepted = eventually(() -> Optional.of(receiver.received())
                    .filter(all -> all.stream().filter(r -> r.answered() == 204).count() == 2));

            assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
            assertThat(receiver.received()).filteredOn(r -> r.answered() == 500).hasSize(2);
            assertThat(accepted).filteredOn(r -> r.answered() == 204).extracting(WebhookReceiver.Received::body)
                    .anyMatch(body -> body.contains("\"kind\":\"INTEGRATION_STATUS_CHANGED\"") && body.contains(integrationId))
                    .anyMatch(body -> body.contains("\"kind\":\"SUBMISSIONS_HELD\""));
            List<Map<String, Object>> outcomes = deliveries(tenant, (String) created.get("webhookId"));
            assertThat(outcomes).hasSize(2).allSatisfy(d -> assertThat(d).containsEntry("status", "DELIVERED")
                    .containsEntry("lastHttpStatus", 204));
            assertThat(outcomes.stream().mapToInt(d -> (Integer) d.get("attempts")).sum()).isEqualTo(4);
            assertThat(list(tenant).toString()).doesNotContain(secret);
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(secret));
            assertThat(logs.entries()).filteredOn(l -> l.message().startsWith("webhook delivery failed")).hasSize(2)
                    .allSatisfy(l -> assertThat(l.mdc()).containsEntry(LogScope.TENANT, tenant).containsKey(LogScope.EVENT));
            assertThat(query("SELECT row_to_json(w)::text FROM sync.webhooks w WHERE tenant_id = '" + tenant + "'"))
                    .hasValueSatisfying(row -> assertThat(row).as("stored sealed, never in clear")
                            .doesNotContain(secret).doesNotContain("whsec_").contains("\"secret_key_id\":\"1\""));
        }
    }

    @Test
    void aDeliveryRefusedEveryTimeIsFailedAfterItsAttemptsWithTheLastAnswerRecorded() throws Exception {
        String tenant = "tenant-hooks-failing-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE)) {
            Map<String, Object> created = register(tenant, receiver.url());
            receiver.secret((String) created.get("secret"));

            publish(TestEvents.rejected(tenant, UUID.randomUUID().toString()));
            Map<String, Object> failed = eventually(() -> deliveries(tenant, (String) created.get("webhookId")).stream()
                    .filter(d -> "FAILED".equals(d.get("status"))).findFirst());

            assertThat(failed).containsEntry("attempts", 4).containsEntry("lastHttpStatus", 500)
                    .containsEntry("lastError", "HTTP 500");
            assertThat(receiver.received()).hasSize(4).allMatch(WebhookReceiver.Received::signatureValid);
        }
    }

    @Test
    void refusesAnInvalidUrlAndKeepsAnotherTenantsWebhooksOutOfReach() throws Exception {
        String tenant = "tenant-hooks-a-" + UUID.randomUUID();
        String other = "tenant-hooks-b-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String webhookId = (String) register(tenant, receiver.url()).get("webhookId");

            http.post().uri("/internal/v1/tenants/" + tenant + "/webhooks").header("Authorization", COMMAND_API)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", "ftp://example.com/x")).exchange()
                    .expectStatus().isBadRequest();
            http.delete().uri("/internal/v1/tenants/" + other + "/webhooks/" + webhookId)
                    .header("Authorization", COMMAND_API).exchange().expectStatus().isNotFound();

            assertThat(list(other)).isEmpty();
            assertThat(deliveries(other, webhookId)).isEmpty();
            assertThat(list(tenant)).hasSize(1);
            http.delete().uri("/internal/v1/tenants/" + tenant + "/webhooks/" + webhookId)
                    .header("Authorization", COMMAND_API).exchange().expectStatus().isNoContent();
            assertThat(list(tenant)).isEmpty();
        }
    }

    @Test
    void aRegistrationRepeatedWithItsIdAnswersTheSameWebhookAndSecretOnlyToItsTenantAndUrlAndOnlyForAWhile()
            throws Exception {
        String tenant = "tenant-hooks-repeat-" + UUID.randomUUID();
        String other = "tenant-hooks-repeat-other-" + UUID.randomUUID();
        String url = "https://hooks.example.invalid/repeat";
        String webhookId = UUID.randomUUID().toString();

        Map<String, Object> first = register(tenant, Map.of("url", url, "webhookId", webhookId));
        Map<String, Object> repeat = register(tenant, Map.of("url", url, "webhookId", webhookId));

        assertThat(first.get("webhookId")).isEqualTo(webhookId);
        assertThat(repeat).isEqualTo(first);
        assertThat((String) first.get("secret")).startsWith("whsec_");
        assertThat(list(tenant)).hasSize(1);
        String anotherUrl = refused(tenant, Map.of("url", url + "/moved", "webhookId", webhookId));
        String anotherTenant = refused(other, Map.of("url", url, "webhookId", webhookId));
        assertThat(anotherUrl).contains("already taken").doesNotContain((String) first.get("secret"));
        assertThat(anotherTenant).contains("already taken").doesNotContain((String) first.get("secret"));
        assertThat(list(other)).isEmpty();
        assertThat(refused(tenant, Map.of("url", url, "webhookId", "not-a-uuid"))).contains("webhookId must be a UUID");

        execute("UPDATE sync.webhooks SET created_at = now() - interval '3 minutes' WHERE webhook_id = '" + webhookId
                + "'");
        assertThat(refused(tenant, Map.of("url", url, "webhookId", webhookId))).contains("already taken")
                .doesNotContain((String) first.get("secret"));
        assertThat(list(tenant)).hasSize(1);
    }

    private String refused(String tenant, Map<String, String> body) {
        return http.post().uri("/internal/v1/tenants/" + tenant + "/webhooks").header("Authorization", COMMAND_API)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
    }

    private Map<String, Object> register(String tenant, String url) {
        return register(tenant, Map.of("url", url));
    }

    private Map<String, Object> register(String tenant, Map<String, String> body) {
        return http.post().uri("/internal/v1/tenants/" + tenant + "/webhooks").header("Authorization", COMMAND_API)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> list(String tenant) {
        return http.get().uri("/internal/v1/tenants/" + tenant + "/webhooks").header("Authorization", COMMAND_API)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
    }

    private List<Map<String, Object>> deliveries(String tenant, String webhookId) {
        return http.get().uri("/internal/v1/tenants/" + tenant + "/webhooks/" + webhookId + "/deliveries")
                .header("Authorization", COMMAND_API).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
    }
}
