package dev.ksefplatform.sync.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceRejected;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import dev.ksefplatform.sync.TestEvents;
import dev.ksefplatform.sync.support.SyncServiceITSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** GET /internal/v1/tenants/{tenantId}/submissions: newest first, keyset pages, filters, bound to the tenant. */
class SubmissionListIT extends SyncServiceITSupport {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void pagesThroughEveryRowNewestFirstAndAVerdictDoesNotMoveARow() {
        String tenant = "tenant-list-" + UUID.randomUUID();
        List<String> ids = submitFive(tenant);
        String first = ids.get(0);
        publish(TestEvents.envelope(tenant, first, T0.plusSeconds(3600), accepted(first, "FV/0")));
        awaitListed(tenant, "status=ACCEPTED", 1);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = list(tenant, "limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            items(page).forEach(item -> seen.add((String) item.get("commandId")));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(reversed(ids));
    }

    @Test
    void filtersByStatusInvoiceNumberAndCreationDay() {
        String tenant = "tenant-filter-" + UUID.randomUUID();
        List<String> ids = submitFive(tenant);
        String rejected = UUID.randomUUID().toString();
        publish(TestEvents.envelope(tenant, rejected, T0.plus(java.time.Duration.ofDays(2)), InvoiceRejected.newBuilder()
                .setKsefStatusCode(450).setDescription("semantics").setInvoiceNumber("FV/R").build()));
        awaitListed(tenant, "", 6);

        assertThat(commandIds(list(tenant, "status=REJECTED"))).containsExactly(rejected);
        assertThat(commandIds(list(tenant, "status=SENT"))).containsExactlyElementsOf(reversed(ids));
        assertThat(commandIds(list(tenant, "invoiceNumber=FV/3"))).containsExactly(ids.get(3));
        assertThat(commandIds(list(tenant, "createdFrom=2026-11-22&createdTo=2026-11-22"))).containsExactly(rejected);
        assertThat(commandIds(list(tenant, "createdTo=2026-11-21"))).hasSize(5);
    }

    @Test
    void neverShowsAnotherTenantsRowsWhateverTheCursorSays() {
        String owner = "tenant-owner-" + UUID.randomUUID();
        String intruder = "tenant-intruder-" + UUID.randomUUID();
        submitFive(owner);
        awaitListed(owner, "", 5);
        String ownersCursor = (String) list(owner, "limit=1").get("nextCursor");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                String.join("\n", "s1", intruder, T0.plusSeconds(999_999).toString(), "~")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(items(list(intruder, ""))).isEmpty();
        http.get().uri("/internal/v1/tenants/" + intruder + "/submissions?cursor=" + ownersCursor)
                .header("Authorization", COMMAND_API).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type")
                .isEqualTo("https://ksef-platform.dev/problems/cursor-not-found");
        assertThat(items(list(intruder, "cursor=" + forged))).isEmpty();
    }

    @Test
    void refusesBadParametersWithAProblem() {
        for (String query : List.of("limit=0", "limit=1001", "status=PENDINGX", "cursor=not-a-cursor",
                "createdFrom=2026-11-22&createdTo=2026-11-21", "createdFrom=yesterday")) {
            http.get().uri("/internal/v1/tenants/t/submissions?" + query).header("Authorization", COMMAND_API)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/invalid-request");
        }
    }

    /** Five SENT submissions a minute apart, in creation order. */
    private List<String> submitFive(String tenant) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String commandId = UUID.randomUUID().toString();
            ids.add(commandId);
            publish(TestEvents.envelope(tenant, commandId, T0.plusSeconds(60L * i), InvoiceSent.newBuilder()
                    .setSessionReferenceNumber("20261120-SO-1").setInvoiceHash("aGFzaA==").setInvoiceNumber("FV/" + i)
                    .build()));
        }
        awaitListed(tenant, "", 5);
        return ids;
    }

    private static InvoiceAccepted accepted(String commandId, String invoiceNumber) {
        return InvoiceAccepted.newBuilder().setKsefNumber("5265877635-20261120-0100001AF629-AF")
                .setInvoiceNumber(invoiceNumber).setInvoiceHash("aGFzaA==").setSessionReferenceNumber("20261120-SO-1")
                .setInvoiceReferenceNumber("20261120-EE-" + commandId.substring(0, 4)).build();
    }

    private void awaitListed(String tenant, String query, int count) {
        eventually(() -> items(list(tenant, query)).size() >= count ? Optional.of(true) : Optional.empty());
    }

    private Map<String, Object> list(String tenant, String query) {
        return http.get().uri("/internal/v1/tenants/" + tenant + "/submissions?" + query)
                .header("Authorization", COMMAND_API).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<String> commandIds(Map<String, Object> page) {
        return items(page).stream().map(item -> (String) item.get("commandId")).toList();
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
