package dev.ksefplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.deploy.PlatformStack;
import dev.ksefplatform.deploy.SampleInvoices;
import dev.ksefplatform.deploy.StackSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #10's central promise over the whole platform and the simulator's grant model: a client takes InvoiceWrite
 * away while its invoices are queued; the platform notices (KSeF refuses the lent credential, the worker holds the
 * lane and asks credential-service for a re-check, which moves the integration to ERROR with what to do), holds the
 * invoices (none sent, none failed), tells the tenant, and once the grant is back and the tenant verifies again, every
 * held invoice is ACCEPTED. Another tenant's invoices are accepted throughout. The tenant's webhook endpoint (a real
 * HTTP server checking each signature) receives the ERROR notice, signed.
 */
class PermissionRevokedIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FINAL = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PlatformStack stack;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() {
        // held lanes ask for a lease again after at most 3 s (5 min in production), so the test need not wait long
        stack = PlatformStack.start(StackSettings.ephemeral(), line -> System.out.println("[stack] " + line),
                Map.of("worker.engine.retry-max", "3s", "sync.webhooks.allow-http", "true",
                        "sync.webhooks.allow-private-addresses", "true"), () -> { });
        client = new PlatformClient(stack);
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aRevokedGrantHoldsTheTenantsInvoicesTellsItWhatToDoAndTheyAllGoOnceItIsBack() throws Exception {
        Random random = new Random(System.nanoTime());
        Tenant revoked = client.onboard("Cofnięta sp. z o.o.", nip(random));
        Tenant other = client.onboard("Inna sp. z o.o.", nip(random));
        WebhookReceiver endpoint = new WebhookReceiver();
        endpoint.secret(post(revoked, "/api/v1/webhooks", Map.of("url", endpoint.url())).path("secret").asText());
        assertThat(status(revoked, submit(revoked))).isEqualTo("ACCEPTED");

        permissions("revoke", revoked.nip());
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(submit(revoked));
        }
        String elsewhere = submit(other);

        assertThat(status(other, elsewhere)).isEqualTo("ACCEPTED");
        // the tenant is told both: its submissions are held while KSeF refuses the credential, and the worker's
        // re-check found the integration in ERROR — the KSeF token still lists InvoiceWrite (GET /tokens/{ref}), but
        // the login's own permissions in the context (/permissions/query/personal/grants) no longer hold it
        JsonNode heldNotice = awaitNotification(revoked, n -> n.path("kind").asText().equals("SUBMISSIONS_HELD"));
        assertThat(heldNotice.path("message").asText()).contains("none is lost");
        JsonNode errorNotice = awaitNotification(revoked, n -> n.path("kind").asText().equals("INTEGRATION_STATUS_CHANGED")
                && n.path("severity").asText().equals("ERROR"));
        assertThat(errorNotice.path("message").asText()).contains("no longer holds InvoiceWrite").contains(revoked.nip());
        assertThat(errorNotice.path("action").asText()).contains("/api/v1/integrations/" + revoked.integrationId()
                + "/verify");
        JsonNode integration = get(revoked, "/api/v1/integrations/" + revoked.integrationId());
        assertThat(integration.path("status").asText()).isEqualTo("ERROR");
        assertThat(integration.path("action").asText()).contains("grant InvoiceWrite");
        for (String commandId : held) {
            assertThat(client.invoiceStatus(revoked, commandId).body().path("status").asText()).isEqualTo("PENDING");
        }
        assertThat(get(other, "/api/v1/notifications").path("items")).noneMatch(n ->
                revoked.nip().equals(n.path("contextNip").asText()));

        permissions("restore", revoked.nip());
        JsonNode verified = post(revoked, "/api/v1/integrations/" + revoked.integrationId() + "/verify");
        assertThat(verified.path("status").asText()).isEqualTo("ACTIVE");

        Set<String> numbers = new HashSet<>();
        for (String commandId : held) {
            JsonNode last = client.awaitFinalStatus(revoked, commandId, FINAL);
            assertThat(last.path("status").asText()).isEqualTo("ACCEPTED");
            numbers.add(last.path("ksefNumber").asText());
        }
        assertThat(numbers).hasSize(3);
        awaitNotification(revoked, n -> n.path("kind").asText().equals("SUBMISSIONS_RESUMED"));
        WebhookReceiver.Delivery errorDelivery = awaitDelivery(endpoint, errorNotice.path("notificationId").asText());
        endpoint.close();
        assertThat(errorDelivery.signed()).as("signed with the secret shown once").isTrue();
        assertThat(JSON.readTree(errorDelivery.body()).path("message").asText()).contains("no longer holds InvoiceWrite");
    }

    /** The webhook delivery of one notification (its body names the notification's id). */
    private static WebhookReceiver.Delivery awaitDelivery(WebhookReceiver endpoint, String notificationId) throws Exception {
        assertThat(notificationId).isNotBlank();
        long deadline = System.nanoTime() + FINAL.toNanos();
        while (System.nanoTime() < deadline) {
            for (WebhookReceiver.Delivery delivery : endpoint.deliveries()) {
                if (delivery.body().contains(notificationId)) {
                    return delivery;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no delivery of notification " + notificationId + "; received: " + endpoint.deliveries());
    }

    private static String submit(Tenant tenant) {
        byte[] xml = SampleInvoices.fa3(tenant.nip(), "FV/REV/" + System.nanoTime(), LocalDate.now());
        PlatformClient.Answer answer = client.submitInvoice(tenant, xml, "application/xml");
        assertThat(answer.status()).isEqualTo(202);
        return answer.body().get("commandId").asText();
    }

    private static String status(Tenant tenant, String commandId) {
        return client.awaitFinalStatus(tenant, commandId, FINAL).path("status").asText();
    }

    /** The client takes InvoiceWrite away from (or gives it back to) the platform's subject in its context. */
    private static void permissions(String change, String nip) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.SIMULATOR)
                        + "/sim/v1/permissions/" + change)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("contextNip", nip,
                        "subject", Map.of("type", "Nip", "value", nip), "permissions", List.of("InvoiceWrite")))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static JsonNode awaitNotification(Tenant tenant, Predicate<JsonNode> match) throws Exception {
        long deadline = System.nanoTime() + FINAL.toNanos();
        JsonNode page = null;
        while (System.nanoTime() < deadline) {
            page = get(tenant, "/api/v1/notifications");
            for (JsonNode item : page.path("items")) {
                if (match.test(item)) {
                    return item;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no such notification within " + FINAL + "; the feed: " + page);
    }

    private static JsonNode get(Tenant tenant, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API) + path))
                .header("X-API-Key", tenant.apiKey()).GET().build());
    }

    private static JsonNode post(Tenant tenant, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API) + path))
                .header("X-API-Key", tenant.apiKey()).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static JsonNode post(Tenant tenant, String path, Map<String, ?> body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API) + path))
                .header("X-API-Key", tenant.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private static JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.uri() + ": " + response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    private static String nip(Random random) {
        return SampleNips.random(random);
    }
}
