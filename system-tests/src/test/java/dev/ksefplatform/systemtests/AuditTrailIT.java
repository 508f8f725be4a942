package dev.ksefplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log over the whole platform (one JVM, embedded Kafka and PostgreSQL, the KSeF simulator): after an
 * invoice submitted over REST is accepted, its tenant reads the worker's {@code KsefCallRecorded} rows through
 * {@code GET /api/v1/audit}, each naming the integration account and the provider NIP that called KSeF; another
 * tenant reads none of them, and the first tenant's cursor is a page it does not have (404); the operators' view shows the same rows. An
 * operator acting for a tenant through the console leaves rows that name both: the operator and the tenant.
 */
class AuditTrailIT {

    private static final Duration FINAL = Duration.ofSeconds(90);
    private static final Random RANDOM = new Random(System.nanoTime()); // the JVM's PostgreSQL outlives a class: no NIP twice
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String SEND_INVOICE = "/sessions/online/{id}/invoices";
    private static final String CALLS = "/api/v1/audit?eventType=KsefCallRecorded&limit=500";

    private static PlatformStack stack;
    private static PlatformClient client;
    private static SimulatorSide ksef;

    @BeforeAll
    static void startPlatform() {
        stack = PlatformStack.start(StackSettings.ephemeral(), line -> System.out.println("[stack] " + line));
        client = new PlatformClient(stack);
        ksef = new SimulatorSide(stack);
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aTenantSeesTheKsefCallsOfItsSubmissionAndAnotherTenantNoneOfThem() throws Exception {
        Tenant a = client.onboard("Upsilon sp. z o.o.", SampleNips.random(RANDOM));
        Tenant b = client.onboard("Phi sp. z o.o.", SampleNips.random(RANDOM));
        byte[] invoice = SampleInvoices.fa3(a.nip(), "FV/AUDIT/" + System.nanoTime(), LocalDate.now());
        String commandId = client.submitInvoice(a, invoice, "application/xml").body().get("commandId").asText();
        assertThat(client.awaitFinalStatus(a, commandId, FINAL).path("status").asText()).isEqualTo("ACCEPTED");

        awaitInvoiceSend(a);
        // the UPO's download from its pre-signed link comes after the verdict: every call, that one included
        List<JsonNode> aCalls = awaitCall(a, row -> row.path("call").path("endpoint").asText().equals("storage"));
        List<String> aEventIds = aCalls.stream().map(row -> row.path("eventId").asText()).toList();
        String aCursor = get(a, CALLS.replace("limit=500", "limit=1")).path("nextCursor").asText();
        List<JsonNode> bRows = items(get(b, "/api/v1/audit?limit=500"));
        List<JsonNode> operators = items(admin("/admin/v1/audit?eventType=KsefCallRecorded&limit=500&tenantId=" + a.tenantId()));

        for (JsonNode row : aCalls) {
            assertThat(row.path("tenantId").asText()).isEqualTo(a.tenantId());
            assertThat(row.path("integrationId").asText()).as("integration of %s", row).isEqualTo(a.integrationId());
            assertThat(row.path("providerNip").asText()).as("provider NIP of %s", row).isEqualTo(a.nip());
            assertThat(row.path("tenantNip").asText()).isEqualTo(a.nip());
            assertThat(row.path("call").path("calls").asInt()).isPositive();
        }
        JsonNode sendRow = aCalls.stream().filter(AuditTrailIT::isInvoiceSend).findFirst().orElseThrow();
        assertThat(sendRow.path("correlationId").asText()).as("the send names its command").isEqualTo(commandId);
        assertThat(sendRow.path("actor").path("type").asText()).as("and the command's actor").isEqualTo("TENANT");
        assertThat(bRows).allSatisfy(row -> {
            assertThat(row.path("tenantId").asText()).isEqualTo(b.tenantId());
            assertThat(aEventIds).doesNotContain(row.path("eventId").asText());
            assertThat(row.path("tenantNip").asText()).isNotEqualTo(a.nip());
        });
        HttpResponse<String> foreignCursor = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API)
                + "/api/v1/audit?cursor=" + aCursor)).header("X-API-Key", b.apiKey()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreignCursor.statusCode()).as(foreignCursor.body()).isEqualTo(404);
        assertThat(foreignCursor.body()).contains("/cursor-not-found");
        assertThat(operators.stream().map(row -> row.path("eventId").asText())).containsAll(aEventIds);
    }

    @Test
    void anOperatorActingForATenantIsAuditedWithBothIdentities() throws Exception {
        Tenant tenant = client.onboard("Chi sp. z o.o.", SampleNips.random(RANDOM));
        byte[] invoice = SampleInvoices.fa3(tenant.nip(), "FV/STAFF/" + System.nanoTime(), LocalDate.now());
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API)
                        + "/api/v1/invoices")).header("Authorization", "Bearer " + stack.secrets().consoleToken())
                .header("X-Act-For-Tenant", tenant.tenantId()).header("X-Actor-Type", "STAFF")
                .header("X-Actor-Id", "operator.anna").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(invoice)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String commandId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(accepted.body())
                .path("commandId").asText();
        assertThat(client.awaitFinalStatus(tenant, commandId, FINAL).path("status").asText()).isEqualTo("ACCEPTED");

        JsonNode send = awaitInvoiceSend(tenant).stream().filter(AuditTrailIT::isInvoiceSend)
                .filter(row -> row.path("correlationId").asText().equals(commandId)).findFirst().orElseThrow();
        JsonNode outcome = awaitRow(tenant, "/api/v1/audit?eventType=InvoiceAccepted&limit=500", commandId);

        for (JsonNode row : List.of(send, outcome)) {
            assertThat(row.path("actor").path("type").asText()).as("%s", row).isEqualTo("STAFF");
            assertThat(row.path("actor").path("id").asText()).isEqualTo("operator.anna");
            assertThat(row.path("actor").path("onBehalfOf").asText()).isEqualTo(tenant.tenantId());
        }
        assertThat(items(admin("/admin/v1/audit?tenantId=" + tenant.tenantId() + "&limit=500")))
                .anySatisfy(row -> assertThat(row.path("actor").path("id").asText()).isEqualTo("operator.anna"));
    }

    /**
     * The whole run of one tenant — three invoices sent, their UPOs, an inbox sync of received invoices, and the vault's
     * logins and sweeps — against KSeF's own count: every call the simulator saw with the tenant's access token is in
     * the tenant's audit log as many times, and every call the log names reached the simulator.
     */
    @Test
    void everyKsefCallOfATenantsSubmissionsAndInboxIsInItsAuditLogAsOftenAsKsefSawIt() throws Exception {
        Tenant tenant = client.onboard("Omega Psi sp. z o.o.", SampleNips.random(RANDOM));
        List<String> commandIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] invoice = SampleInvoices.fa3(tenant.nip(), "FV/WHOLE/" + i + "/" + System.nanoTime(), LocalDate.now());
            commandIds.add(client.submitInvoice(tenant, invoice, "application/xml").body().get("commandId").asText());
        }
        for (String commandId : commandIds) {
            assertThat(client.awaitFinalStatus(tenant, commandId, FINAL).path("status").asText()).isEqualTo("ACCEPTED");
        }
        ksef.seed(tenant.nip(), List.of(SampleNips.random(RANDOM), SampleNips.random(RANDOM)), 30, null);
        TenantRest rest = new TenantRest(stack, tenant);
        InboxSyncRest.awaitSynced(rest, InboxSyncRest.start(rest));

        long deadline = System.nanoTime() + FINAL.toNanos();
        Map<String, Long> simulated = KsefCallTally.ofSimulator(ksef.stats(tenant.nip()));
        Map<String, Long> audited = KsefCallTally.attributable(KsefCallTally.ofAuditRows(allCalls(tenant)), simulated);
        while (!audited.equals(simulated) && System.nanoTime() < deadline) { // calls are recorded on a drain interval
            Thread.sleep(500);
            simulated = KsefCallTally.ofSimulator(ksef.stats(tenant.nip()));
            audited = KsefCallTally.attributable(KsefCallTally.ofAuditRows(allCalls(tenant)), simulated);
        }

        assertThat(audited).as("the audit log's calls per endpoint against the simulator's").isEqualTo(simulated);
        assertThat(allCalls(tenant)).as("every call names the integration account and the provider").allSatisfy(row -> {
            assertThat(row.path("integrationId").asText()).as("%s", row).isEqualTo(tenant.integrationId());
            assertThat(row.path("providerNip").asText()).as("%s", row).matches("\\d{10}");
        });
        assertThat(simulated.get("POST " + SEND_INVOICE.replace("{id}", "{}"))).as("%s", simulated).isEqualTo(3);
        assertThat(simulated.keySet()).as("the inbox's calls are among them")
                .anySatisfy(endpoint -> assertThat(endpoint).contains("/invoices/exports"));
        System.out.printf("FIGURE audit completeness: %d KSeF calls over %d endpoints, audited as KSeF counted them%n",
                simulated.values().stream().mapToLong(Long::longValue).sum(), simulated.size());
    }

    /** The worker records its calls on a drain interval: waits until the invoice's send is among them. */
    /** The tenant's KSeF call rows, once one of them matches. */
    private static List<JsonNode> awaitCall(Tenant tenant, java.util.function.Predicate<JsonNode> match)
            throws Exception {
        long deadline = System.nanoTime() + FINAL.toNanos();
        List<JsonNode> rows = items(get(tenant, CALLS));
        while (rows.stream().noneMatch(match)) {
            assertThat(System.nanoTime()).as("no such call in the audit log: %s", rows).isLessThan(deadline);
            Thread.sleep(200);
            rows = items(get(tenant, CALLS));
        }
        return rows;
    }

    /** The row of one command on a listing, once the audit log has it. */
    private static JsonNode awaitRow(Tenant tenant, String listing, String commandId) throws Exception {
        long deadline = System.nanoTime() + FINAL.toNanos();
        while (true) {
            for (JsonNode row : items(get(tenant, listing))) {
                if (row.path("correlationId").asText().equals(commandId)) {
                    return row;
                }
            }
            assertThat(System.nanoTime()).as("no row of %s on %s", commandId, listing).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static boolean isInvoiceSend(JsonNode row) {
        return row.path("call").path("method").asText().equals("POST")
                && row.path("call").path("endpoint").asText().equals(SEND_INVOICE);
    }

    private static List<JsonNode> awaitInvoiceSend(Tenant tenant) throws Exception {
        long deadline = System.nanoTime() + FINAL.toNanos();
        List<JsonNode> rows = items(get(tenant, CALLS));
        while (rows.stream().noneMatch(AuditTrailIT::isInvoiceSend)) {
            assertThat(System.nanoTime()).as("no invoice send in the audit log: %s", rows).isLessThan(deadline);
            Thread.sleep(200);
            rows = items(get(tenant, CALLS));
        }
        return rows;
    }

    /** Every KSeF call row of the tenant, page after page. */
    private static List<JsonNode> allCalls(Tenant tenant) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        JsonNode page = get(tenant, CALLS);
        rows.addAll(items(page));
        while (page.path("nextCursor").isTextual()) {
            page = get(tenant, CALLS + "&cursor=" + page.path("nextCursor").asText());
            rows.addAll(items(page));
        }
        return rows;
    }

    private static JsonNode get(Tenant tenant, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API) + path))
                .header("X-API-Key", tenant.apiKey()).GET().build());
    }

    private static JsonNode admin(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API) + path))
                .header("Authorization", "Bearer " + stack.secrets().adminToken()).GET().build());
    }

    private static JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s", request.uri(), response.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }
}
