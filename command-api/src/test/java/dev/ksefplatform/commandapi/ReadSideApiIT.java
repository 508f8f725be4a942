package dev.ksefplatform.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.commandapi.submission.application.CommandRetention;
import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.sync.SyncServiceApplication;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The tenant's read side — inbox, sync state and "sync now", the submissions list — through command-api to the real
 * sync-service (in this JVM, as the one-JVM launcher runs it) over embedded PostgreSQL and KRaft Kafka. sync-service
 * folds what the tests write to {@code ksef.events.v1}, as it folds the worker's events.
 */
@SpringBootTest(classes = CommandApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommandApiApplication.CONFIG_NAME)
class ReadSideApiIT {

    private static final String ADMIN_TOKEN = "it-admin-token";
    private static final String SYNC_TOKEN = "it-read-side-sync-token";
    private static final String PROBLEMS = "https://ksef-platform.dev/problems/";
    private static final ConfigurableApplicationContext SYNC_SERVICE = startSyncService();
    private static final ReadSideEvents EVENTS = new ReadSideEvents(EmbeddedKafka.get().bootstrapServers());
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final Duration KEEP = Duration.ofDays(3650);

    @Autowired
    private WebTestClient client;

    @Autowired
    private CommandRetention retention;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.get().bootstrapServers());
        // tenant registration names the tenant to the vault, best effort: a port nothing listens on answers at once,
        // where the default (localhost:8081) depends on the machine (CI: one registration waited 30 s there)
        registry.add("ksef.services.credential-service.url", () -> "http://localhost:9");
        registry.add("ksef.services.sync-service.url", () -> "http://localhost:"
                + ((ReactiveWebServerApplicationContext) SYNC_SERVICE).getWebServer().getPort());
        registry.add("commandapi.security.callers.admin", () -> ADMIN_TOKEN);
        registry.add("commandapi.services.sync-service.token", () -> SYNC_TOKEN);
        // the other tests' events carry fixed dates (T0): a retention ten years long keeps them all inside it, so
        // the list's rule for commands past the horizon never applies to them
        registry.add("commandapi.submission.retention.keep", () -> KEEP.toDays() + "d");
    }

    @BeforeEach
    void patientClient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stopSyncService() {
        EVENTS.close();
        SYNC_SERVICE.close();
    }

    // ---- inbox ---------------------------------------------------------------------------------------------------

    @Test
    void listsOnlyTheTenantsOwnInboxNewestFirstAndPagesWithItsCursor() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        List<String> aNumbers = receive(a, 3, "Subject2");
        List<String> bNumbers = receive(b, 1, "Subject2");

        Map<String, Object> first = get(a, "/api/v1/inbox?limit=2", 200);
        Map<String, Object> second = get(a, "/api/v1/inbox?limit=2&cursor=" + first.get("nextCursor"), 200);

        assertThat(ksefNumbers(first)).containsExactly(aNumbers.get(2), aNumbers.get(1));
        assertThat(ksefNumbers(second)).containsExactly(aNumbers.get(0));
        assertThat(second.get("nextCursor")).isNull();
        assertThat(ksefNumbers(get(b, "/api/v1/inbox", 200))).containsExactlyElementsOf(bNumbers);
    }

    @Test
    void anotherTenantsCursorGuessedOrForgedReadsNothingOfIt() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        List<String> aNumbers = receive(a, 3, "Subject2");
        List<String> bNumbers = receive(b, 1, "Subject2");
        String aCursor = (String) get(a, "/api/v1/inbox?limit=1", 200).get("nextCursor");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n", "v1", a.id(),
                "2099-01-01T00:00:00Z", "9999999999-20990101-FFFFFFFFFFFF-FF").getBytes(StandardCharsets.UTF_8));

        assertThat(get(b, "/api/v1/inbox?cursor=" + aCursor, 404)).containsEntry("type", "https://ksef-platform.dev/problems/cursor-not-found")
                .containsEntry("parameter", "cursor");
        assertThat(get(b, "/api/v1/inbox?cursor=" + forged, 404)).containsEntry("type", "https://ksef-platform.dev/problems/cursor-not-found");
        assertThat(ksefNumbers(get(b, "/api/v1/inbox?limit=500", 200))).containsExactlyElementsOf(bNumbers)
                .doesNotContainAnyElementsOf(aNumbers);
    }

    @Test
    void servesOneInvoiceAndItsXmlByteForByteWithItsDigest() throws Exception {
        Tenant a = registerTenant();
        String sellerNip = Invoices.randomNip();
        byte[] xml = Invoices.bytes(sellerNip, "IN-1");
        String ksefNumber = ksefNumber(sellerNip);
        EVENTS.received(a.id(), ksefNumber, "Subject2", sellerNip, xml, T0);
        awaitInbox(a, "", page -> ksefNumbers(page).contains(ksefNumber));

        Map<String, Object> invoice = get(a, "/api/v1/inbox/" + ksefNumber, 200);
        var download = client.get().uri("/api/v1/inbox/{k}/xml", ksefNumber).header("X-API-Key", a.apiKey()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectBody(byte[].class).returnResult();

        assertThat(invoice).containsEntry("ksefNumber", ksefNumber).containsEntry("sellerNip", sellerNip)
                .containsEntry("invoiceNumber", Invoices.p2("IN-1")).containsEntry("direction", "INCOMING");
        assertThat(download.getResponseBody()).isEqualTo(xml);
        assertThat(download.getResponseHeaders().getFirst("Repr-Digest"))
                .isEqualTo("sha-256=:" + ReadSideEvents.sha256(xml) + ":");
    }

    @Test
    void anotherTenantsOrAnUnknownOrAMalformedKsefNumberIsTheSame404() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        String ksefNumber = receive(a, 1, "Subject2").get(0);

        List<Map<String, Object>> bodies = new ArrayList<>();
        for (String path : List.of(ksefNumber, ksefNumber + "/xml", ksefNumber(Invoices.randomNip()), "not-a-number")) {
            Map<String, Object> body = new HashMap<>(get(b, "/api/v1/inbox/" + path, 404));
            body.remove("instance");
            bodies.add(body);
        }

        assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(bodies.get(0)));
        assertThat(bodies.get(0)).containsEntry("type", PROBLEMS + "inbox-invoice-not-found");
    }

    @Test
    void passesEveryFilterOnToTheReadModel() throws Exception {
        Tenant a = registerTenant();
        List<String> purchases = receive(a, 2, "Subject2");
        List<String> sales = receive(a, 1, "Subject1");
        String seller = ((String) get(a, "/api/v1/inbox/" + purchases.get(0), 200).get("sellerNip"));

        assertThat(ksefNumbers(get(a, "/api/v1/inbox?subjectType=Subject1", 200))).containsExactlyElementsOf(sales);
        assertThat(ksefNumbers(get(a, "/api/v1/inbox?sellerNip=" + seller, 200))).containsExactly(purchases.get(0));
        assertThat(ksefNumbers(get(a, "/api/v1/inbox?q=" + Invoices.p2("IN-" + purchases.get(1).substring(0, 10)), 200)))
                .containsExactly(purchases.get(1));
        assertThat(items(get(a, "/api/v1/inbox?issuedFrom=2099-01-01", 200))).isEmpty();
        assertThat(items(get(a, "/api/v1/inbox?grossFrom=0&grossTo=99999999.99", 200))).hasSize(3);
    }

    @Test
    void refusesEveryBadQueryParameterNamingIt() {
        Tenant a = registerTenant();
        Map<String, String> inbox = new java.util.LinkedHashMap<>();
        inbox.put("limit=0", "limit");
        inbox.put("limit=501", "limit");
        inbox.put("limit=ten", "limit");
        inbox.put("limit=1&limit=2", "limit");
        inbox.put("issuedFrom=2026-13-01", "issuedFrom");
        inbox.put("issuedFrom=2026-02-01&issuedTo=2026-01-01", "issuedTo");
        inbox.put("sellerNip=123", "sellerNip");
        inbox.put("subjectType=Subject9", "subjectType");
        inbox.put("grossFrom=1E999999999", "grossFrom");
        inbox.put("grossFrom=10&grossTo=1", "grossTo");
        inbox.put("q=", "q");
        inbox.put("q=" + "x".repeat(101), "q");
        inbox.put("cursor=%21%21", "cursor");
        inbox.put("cursor=bm90LWEtY3Vyc29y", "cursor");
        inbox.put("tenantId=someone-else", "tenantId");
        inbox.forEach((query, parameter) -> assertInvalid(a, "/api/v1/inbox?" + query, parameter));
        Map<String, String> invoices = Map.of("status=PENDING", "status", "createdFrom=yesterday", "createdFrom",
                "createdFrom=2026-02-01&createdTo=2026-01-01", "createdTo", "limit=100000", "limit",
                "cursor=bm90LWEtY3Vyc29y", "cursor", "buyerNip=5265877635", "buyerNip");
        invoices.forEach((query, parameter) -> assertInvalid(a, "/api/v1/invoices?" + query, parameter));
    }

    // ---- sync ----------------------------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void countsOnlyTheTenantsOwnInboxArrivalsPerDay() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        receive(a, 2, "Subject2");
        receive(b, 1, "Subject2");

        Map<String, Object> summary = get(a, "/api/v1/inbox/summary?from=2026-11-19&to=2026-11-20", 200);

        assertThat(summary).containsEntry("from", "2026-11-19").containsEntry("to", "2026-11-20")
                .containsEntry("total", 2);
        assertThat((List<Map<String, Object>>) summary.get("days")).containsExactly(
                Map.of("day", "2026-11-19", "count", 0), Map.of("day", "2026-11-20", "count", 2));
        assertThat(get(b, "/api/v1/inbox/summary?from=2026-11-20&to=2026-11-20", 200)).containsEntry("total", 1);
    }

    @Test
    void refusesAnArrivalsSummaryWithoutAPeriodOrOverAMonth() {
        Tenant a = registerTenant();

        assertInvalid(a, "/api/v1/inbox/summary?to=2026-11-20", "from");
        assertInvalid(a, "/api/v1/inbox/summary?from=2026-11-20", "to");
        assertInvalid(a, "/api/v1/inbox/summary?from=2026-11-20&to=2026-11-19", "to");
        assertInvalid(a, "/api/v1/inbox/summary?from=2026-11-01&to=2026-12-02", "to");
        assertInvalid(a, "/api/v1/inbox/summary?from=2026-11-20&to=2026-11-20&tenantId=x", "tenantId");
        client.get().uri("/api/v1/inbox/summary?from=2026-11-20&to=2026-11-20").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void startsOneSyncAtATimeAndReportsTheStatePerSubjectType() throws Exception {
        Tenant a = registerTenant();
        syncNow(a, "{}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "inbox-sync-unavailable")
                .jsonPath("$.detail").isEqualTo("no KSeF integration; register one and verify it first")
                .jsonPath("$.integrationStatus").doesNotExist();
        EVENTS.activeIntegration(a.id(), a.nip());

        String commandId = awaitSyncStarted(a);
        Map<String, Object> again = syncNow(a, "{\"subjectType\":\"Subject2\"}").expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        List<Map<String, Object>> states = client.get().uri("/api/v1/inbox/sync").header("X-API-Key", a.apiKey())
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();

        assertThat(again).containsEntry("type", PROBLEMS + "inbox-sync-running").containsEntry("commandId", commandId);
        assertThat(states).extracting(state -> state.get("subjectType"))
                .containsExactly("Subject1", "Subject2", "Subject3", "SubjectAuthorized");
        assertThat(states.get(1)).containsEntry("runningCommandId", commandId);
        syncNow(a, "{\"subjectType\":\"Subject9\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("subjectType");
    }

    // ---- submissions ---------------------------------------------------------------------------------------------

    @Test
    void listsOnlyTheTenantsOwnSubmissionsNewestFirstWithFiltersAndNoOtherCommand() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String commandId = submit(a, "S-" + i);
            ids.add(commandId);
            EVENTS.sent(a.id(), commandId, Invoices.p2("S-" + i), T0.plusSeconds(60L * i));
        }
        String notASubmission = UUID.randomUUID().toString();
        EVENTS.deadLettered(a.id(), notASubmission, T0.plusSeconds(30));
        EVENTS.accepted(a.id(), ids.get(0), ksefNumber(a.nip()), T0.plusSeconds(3600));
        awaitSubmissions(a, "status=ACCEPTED", 1);
        awaitSubmissions(a, "", 3);

        Map<String, Object> first = get(a, "/api/v1/invoices?limit=2", 200);
        Map<String, Object> second = get(a, "/api/v1/invoices?limit=2&cursor=" + first.get("nextCursor"), 200);

        assertThat(commandIds(first)).containsExactly(ids.get(2), ids.get(1));
        assertThat(commandIds(second)).containsExactly(ids.get(0));
        assertThat(commandIds(get(a, "/api/v1/invoices?status=ACCEPTED", 200))).containsExactly(ids.get(0));
        assertThat(commandIds(get(a, "/api/v1/invoices?invoiceNumber=" + Invoices.p2("S-1"), 200))).containsExactly(ids.get(1));
        assertThat(readModelStatus(notASubmission)).isEqualTo("FAILED");
        assertThat(commandIds(get(a, "/api/v1/invoices?status=FAILED", 200))).doesNotContain(notASubmission);
        assertThat(items(get(b, "/api/v1/invoices", 200))).isEmpty();
        assertThat(get(b, "/api/v1/invoices?cursor=" + first.get("nextCursor"), 404)).containsEntry("type", "https://ksef-platform.dev/problems/cursor-not-found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void countsTheTenantsOwnSubmissionsByStatusAndDayOverAPeriod() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        String accepted = submit(a, "SUM-0");
        String sent = submit(a, "SUM-1");
        String earlier = submit(a, "SUM-2");
        EVENTS.sent(a.id(), accepted, Invoices.p2("SUM-0"), T0);
        EVENTS.accepted(a.id(), accepted, ksefNumber(a.nip()), T0.plusSeconds(3600));
        EVENTS.sent(a.id(), sent, Invoices.p2("SUM-1"), T0.plus(Duration.ofDays(1)));
        EVENTS.sent(a.id(), earlier, Invoices.p2("SUM-2"), T0.minus(Duration.ofDays(10)));
        EVENTS.deadLettered(a.id(), UUID.randomUUID().toString(), T0);
        EVENTS.sent(b.id(), submit(b, "SUM-B"), Invoices.p2("SUM-B"), T0);
        awaitSubmissions(a, "status=ACCEPTED", 1);
        awaitSubmissions(a, "", 3);
        awaitSubmissions(b, "", 1);

        Map<String, Object> summary = get(a, "/api/v1/invoices/summary?from=2026-11-20&to=2026-11-22", 200);

        assertThat(summary).containsEntry("from", "2026-11-20").containsEntry("to", "2026-11-22")
                .containsEntry("total", 2).containsEntry("complete", true)
                .containsEntry("byStatus", Map.of("ACCEPTED", 1, "SENT", 1));
        assertThat((List<Map<String, Object>>) summary.get("byDay")).containsExactly(
                Map.of("date", "2026-11-20", "byStatus", Map.of("ACCEPTED", 1)),
                Map.of("date", "2026-11-21", "byStatus", Map.of("SENT", 1)),
                Map.of("date", "2026-11-22", "byStatus", Map.of()));
        assertThat(get(a, "/api/v1/invoices/summary?from=2026-11-01&to=2026-11-30", 200)).containsEntry("total", 3);
        assertThat(get(b, "/api/v1/invoices/summary?from=2026-11-20&to=2026-11-22", 200))
                .containsEntry("total", 1).containsEntry("byStatus", Map.of("SENT", 1));
    }

    @Test
    void refusesASummaryWithoutAPeriodOrOverALongOne() {
        Tenant a = registerTenant();

        assertInvalid(a, "/api/v1/invoices/summary?to=2026-11-20", "from");
        assertInvalid(a, "/api/v1/invoices/summary?from=2026-11-20", "to");
        assertInvalid(a, "/api/v1/invoices/summary?from=2026-11-20&to=2026-11-19", "to");
        assertInvalid(a, "/api/v1/invoices/summary?from=2026-01-01&to=2026-04-03", "to");
        assertInvalid(a, "/api/v1/invoices/summary?from=2026-11-20&to=2026-11-20&status=SENT", "status");
        client.get().uri("/api/v1/invoices/summary?from=2026-11-20&to=2026-11-20").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void servesTheXmlAsSubmittedAndTheUpoOfAnAcceptedInvoiceOnlyToItsTenant() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        String commandId = submit(a, "DOC-1");
        byte[] submitted = Invoices.bytes(a.nip(), "DOC-1");
        String ksefNumber = ksefNumber(a.nip());
        byte[] upo = ("<Potwierdzenie><NumerKSeFDokumentu>" + ksefNumber + "</NumerKSeFDokumentu></Potwierdzenie>")
                .getBytes(StandardCharsets.UTF_8);
        EVENTS.accepted(a.id(), commandId, ksefNumber, T0);
        awaitAccepted(a, commandId);
        assertDocumentProblem(a, commandId, "xml", "invoice-xml-not-available");
        EVENTS.sentInvoiceStored(a.id(), commandId, ksefNumber, submitted, T0);
        awaitDocument(a, commandId, "xml");

        assertDocumentProblem(a, commandId, "upo", "upo-not-available-yet");
        EVENTS.upoReceived(a.id(), commandId, ksefNumber, upo, T0.plusSeconds(5));
        awaitDocument(a, commandId, "upo");

        assertDocument(a, commandId, "xml", submitted);
        assertDocument(a, commandId, "upo", upo);
        assertThat(get(a, "/api/v1/invoices/" + commandId, 200).get("links")).isEqualTo(Map.of(
                "self", "/api/v1/invoices/" + commandId, "xml", "/api/v1/invoices/" + commandId + "/xml",
                "upo", "/api/v1/invoices/" + commandId + "/upo"));
        assertDocumentProblem(b, commandId, "xml", "command-not-found");
        assertDocumentProblem(b, commandId, "upo", "command-not-found");
        assertDocumentProblem(a, UUID.randomUUID().toString(), "upo", "command-not-found");
        assertDocumentProblem(a, "not-a-command", "xml", "command-not-found");
    }

    @Test
    void answersForACommandTheRetentionDeletedFromTheReadModelOnlyToItsTenant() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        String commandId = submit(a, "OLD-1");
        Instant longAgo = Instant.now().minus(KEEP).minus(Duration.ofDays(2));
        byte[] submitted = Invoices.bytes(a.nip(), "OLD-1");
        String ksefNumber = ksefNumber(a.nip());
        EVENTS.sent(a.id(), commandId, Invoices.p2("OLD-1"), longAgo);
        EVENTS.accepted(a.id(), commandId, ksefNumber, longAgo.plusSeconds(60));
        EVENTS.sentInvoiceStored(a.id(), commandId, ksefNumber, submitted, longAgo.plusSeconds(61));
        awaitAccepted(a, commandId);
        awaitDocument(a, commandId, "xml");
        ageInTheCommandLog(commandId, longAgo);

        retention.drain().block();

        assertThat(commandRows(commandId)).isZero();
        assertThat(get(a, "/api/v1/invoices/" + commandId, 200)).containsEntry("status", "ACCEPTED")
                .containsEntry("ksefNumber", ksefNumber);
        assertThat(commandIds(get(a, "/api/v1/invoices", 200))).contains(commandId);
        assertDocument(a, commandId, "xml", submitted);
        assertDocumentProblem(a, commandId, "upo", "upo-not-available-yet");
        assertThat(get(b, "/api/v1/invoices/" + commandId, 404)).containsEntry("type", PROBLEMS + "command-not-found");
        assertDocumentProblem(b, commandId, "xml", "command-not-found");
        assertThat(commandIds(get(b, "/api/v1/invoices", 200))).doesNotContain(commandId);
    }

    /** Moves the command's acceptance and first event back to {@code at}, once the gateway has published it. */
    private static void ageInTheCommandLog(String commandId, Instant at) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection connection = EmbeddedPostgres.get().connect();
             PreparedStatement age = connection.prepareStatement("""
                     UPDATE gateway.commands SET created_at = ?, first_event_at = ?
                     WHERE command_id = ?::uuid AND state = 'PUBLISHED'""")) {
            age.setObject(1, at.atOffset(ZoneOffset.UTC));
            age.setObject(2, at.plusSeconds(1).atOffset(ZoneOffset.UTC));
            age.setString(3, commandId);
            while (age.executeUpdate() == 0) {
                assertThat(System.nanoTime()).as("the gateway never published %s", commandId).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static int commandRows(String commandId) throws Exception {
        try (Connection connection = EmbeddedPostgres.get().connect();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM gateway.commands WHERE command_id = ?::uuid")) {
            count.setString(1, commandId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private void assertDocument(Tenant tenant, String commandId, String kind, byte[] expected) throws Exception {
        client.get().uri("/api/v1/invoices/{c}/" + kind, commandId).header("X-API-Key", tenant.apiKey()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectHeader().valueEquals("Repr-Digest", "sha-256=:" + ReadSideEvents.sha256(expected) + ":")
                .expectBody(byte[].class).isEqualTo(expected);
    }

    private void assertDocumentProblem(Tenant tenant, String commandId, String kind, String type) {
        client.get().uri("/api/v1/invoices/{c}/" + kind, commandId).header("X-API-Key", tenant.apiKey()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + type);
    }

    private void awaitAccepted(Tenant tenant, String commandId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"ACCEPTED".equals(get(tenant, "/api/v1/invoices/" + commandId, 200).get("status"))) {
            assertThat(System.nanoTime()).as("sync-service never folded the verdict").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitDocument(Tenant tenant, String commandId, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (client.get().uri("/api/v1/invoices/{c}/" + kind, commandId).header("X-API-Key", tenant.apiKey())
                .exchange().returnResult(byte[].class).getStatus().value() != 200) {
            assertThat(System.nanoTime()).as("sync-service never folded the " + kind).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    // ---- notifications ---------------------------------------------------------------------------------------------

    @Test
    void listsOnlyTheTenantsOwnNotificationsNewestFirstAndPagesThem() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        String integrationId = UUID.randomUUID().toString();
        String reason = "permission not found — grant InvoiceWrite to NIP 7740001454 in KSeF context " + a.nip();
        EVENTS.integrationRefused(a.id(), integrationId, a.nip(), reason, T0);
        EVENTS.held(a.id(), a.nip(), "integration " + integrationId + " is ERROR: " + reason, T0.plusSeconds(1));
        EVENTS.held(b.id(), b.nip(), "integration of another tenant", T0.plusSeconds(2));
        awaitNotifications(a, 2);
        // b's event may be on another partition than a's (the key is the tenant) and folded later: once failed in CI
        awaitNotifications(b, 1);

        Map<String, Object> first = get(a, "/api/v1/notifications?limit=1", 200);
        Map<String, Object> second = get(a, "/api/v1/notifications?limit=1&cursor=" + first.get("nextCursor"), 200);

        Map<?, ?> held = items(first).get(0);
        Map<?, ?> refused = items(second).get(0);
        assertThat(held.get("kind")).isEqualTo("SUBMISSIONS_HELD");
        assertThat(held.get("severity")).isEqualTo("ERROR");
        assertThat((String) held.get("action")).contains("grant InvoiceWrite").contains("go on by themselves");
        assertThat(refused.get("kind")).isEqualTo("INTEGRATION_STATUS_CHANGED");
        assertThat((String) refused.get("message")).contains(reason);
        assertThat((String) refused.get("action")).contains("/api/v1/integrations/" + integrationId + "/verify");
        assertThat(second.get("nextCursor")).isNull();
        assertThat(items(get(b, "/api/v1/notifications", 200))).hasSize(1)
                .allSatisfy(item -> assertThat((String) item.get("message")).contains(b.nip()));
        assertThat(get(b, "/api/v1/notifications?cursor=" + first.get("nextCursor"), 404)).containsEntry("type", "https://ksef-platform.dev/problems/cursor-not-found");
        assertThat(get(a, "/api/v1/notifications?limit=501", 400)).containsEntry("parameter", "limit");
        assertThat(get(a, "/api/v1/notifications?tenantId=" + b.id(), 400)).containsEntry("parameter", "tenantId");
        assertThat(get(a, "/api/v1/notifications?cursor=bm90LWEtY3Vyc29y", 400)).containsEntry("parameter", "cursor");
    }

    @Test
    void registersAWebhookShowingItsSecretOnceAndKeepsItTheTenants() {
        Tenant a = registerTenant();
        Tenant b = registerTenant();

        Map<String, Object> created = client.post().uri("/api/v1/webhooks").header("X-API-Key", a.apiKey())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", "https://hooks.example.invalid/ksef"))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        String webhookId = (String) created.get("webhookId");
        String listed = client.get().uri("/api/v1/webhooks").header("X-API-Key", a.apiKey()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Map<String, Object> refused = client.post().uri("/api/v1/webhooks").header("X-API-Key", a.apiKey())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", "http://hooks.example.invalid/plain"))
                .exchange().expectStatus().isBadRequest()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat((String) created.get("secret")).startsWith("whsec_");
        assertThat(listed).contains(webhookId).doesNotContain((String) created.get("secret"));
        assertThat((String) refused.get("detail")).contains("https");
        assertThat(client.get().uri("/api/v1/webhooks").header("X-API-Key", b.apiKey()).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).isEqualTo("[]");
        client.delete().uri("/api/v1/webhooks/{id}", webhookId).header("X-API-Key", b.apiKey()).exchange()
                .expectStatus().isNotFound();
        client.get().uri("/api/v1/webhooks/{id}/deliveries", webhookId).header("X-API-Key", a.apiKey()).exchange()
                .expectStatus().isOk().expectBody().json("[]");
        client.delete().uri("/api/v1/webhooks/{id}", webhookId).header("X-API-Key", a.apiKey()).exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void rotatesAWebhooksSecretByReplacingItAndShowsTheNewSecretOnlyInThatAnswer() {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        Map<String, Object> old = registerWebhook(a, "https://hooks.example.invalid/rotate");
        String oldId = (String) old.get("webhookId");

        client.post().uri("/api/v1/webhooks/{id}/rotate", oldId).header("X-API-Key", b.apiKey()).exchange()
                .expectStatus().isNotFound();
        Map<String, Object> rotated = client.post().uri("/api/v1/webhooks/{id}/rotate", oldId)
                .header("X-API-Key", a.apiKey()).exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        String listed = client.get().uri("/api/v1/webhooks").header("X-API-Key", a.apiKey()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(rotated).containsEntry("url", "https://hooks.example.invalid/rotate").containsEntry("replaced", oldId);
        assertThat((String) rotated.get("secret")).startsWith("whsec_").isNotEqualTo(old.get("secret"));
        assertThat(listed).contains((String) rotated.get("webhookId"), "\"lastDelivery\":null").doesNotContain(oldId)
                .doesNotContain((String) rotated.get("secret"));
        Map<String, Object> moved = client.post().uri("/api/v1/webhooks/{id}/rotate", rotated.get("webhookId"))
                .header("X-API-Key", a.apiKey()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "https://hooks.example.invalid/moved")).exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(moved).containsEntry("url", "https://hooks.example.invalid/moved");
        client.post().uri("/api/v1/webhooks/{id}/rotate", oldId).header("X-API-Key", a.apiKey()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsEachWebhooksLastDeliveryAndRefusesToRotateOneStillRetrying() throws Exception {
        Tenant a = registerTenant();
        String webhookId = (String) registerWebhook(a, "https://hooks.example.invalid/retrying").get("webhookId");
        EVENTS.integrationRefused(a.id(), UUID.randomUUID().toString(), a.nip(), "the KSeF token was revoked",
                Instant.now().plusSeconds(1));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> last;
        do {
            assertThat(System.nanoTime()).as("a delivery attempted").isLessThan(deadline);
            Thread.sleep(200);
            List<Map<String, Object>> webhooks = client.get().uri("/api/v1/webhooks").header("X-API-Key", a.apiKey())
                    .exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
            last = (Map<String, Object>) webhooks.get(0).get("lastDelivery");
        } while (last == null || ((Number) last.get("attempts")).intValue() == 0);

        assertThat(last).containsEntry("status", "PENDING");
        client.post().uri("/api/v1/webhooks/{id}/rotate", webhookId).header("X-API-Key", a.apiKey()).exchange()
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "webhook-deliveries-pending");
    }

    private Map<String, Object> registerWebhook(Tenant tenant, String url) {
        return client.post().uri("/api/v1/webhooks").header("X-API-Key", tenant.apiKey())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", url))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private void awaitNotifications(Tenant tenant, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (items(get(tenant, "/api/v1/notifications?limit=500", 200)).size() < count) {
            assertThat(System.nanoTime()).as("notifications folded in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void documentsEveryReadSideEndpointWithProblemResponses() {
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/inbox'].get.parameters[?(@.name == 'sellerNip')]").exists()
                .jsonPath("$.paths['/api/v1/inbox'].get.responses['400'].content['application/problem+json']").exists()
                .jsonPath("$.paths['/api/v1/inbox/{ksefNumber}'].get.responses['404'].content['application/problem+json']").exists()
                .jsonPath("$.paths['/api/v1/inbox/{ksefNumber}/xml'].get.responses['200'].headers['Repr-Digest']").exists()
                .jsonPath("$.paths['/api/v1/inbox/sync'].get.responses['200']").exists()
                .jsonPath("$.paths['/api/v1/inbox/sync'].post.responses['409'].content['application/problem+json']").exists()
                .jsonPath("$.paths['/api/v1/invoices'].get.parameters[?(@.name == 'status')]").exists()
                .jsonPath("$.paths['/api/v1/invoices'].get.responses['503']").exists()
                .jsonPath("$.paths['/api/v1/invoices/{commandId}/xml'].get.responses['200'].headers['Repr-Digest']").exists()
                .jsonPath("$.paths['/api/v1/invoices/{commandId}/upo'].get.responses['200'].content['application/xml']").exists()
                .jsonPath("$.paths['/api/v1/invoices/{commandId}/upo'].get.responses['404'].content['application/problem+json']").exists()
                .jsonPath("$.paths['/api/v1/notifications'].get.parameters[?(@.name == 'cursor')]").exists()
                .jsonPath("$.paths['/api/v1/notifications'].get.responses['503']").exists()
                .jsonPath("$.components.schemas.Problem").exists();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static ConfigurableApplicationContext startSyncService() {
        List<String> args = new ArrayList<>();
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--spring.kafka.bootstrap-servers=" + EmbeddedKafka.get().bootstrapServers());
        args.add("--server.port=0");
        args.add("--sync.security.callers.command-api=" + SYNC_TOKEN);
        // no scheduled rounds: a round falling between the integration's activation and "sync now" would start the
        // sync first, and the test's 202 would be a 409
        args.add("--sync.schedule.enabled=false");
        return SyncServiceApplication.builder().run(args.toArray(String[]::new));
    }

    /** {@code count} received invoices, one minute apart in KSeF's storage date, each from its own seller. */
    private List<String> receive(Tenant tenant, int count, String subjectType) throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String sellerNip = Invoices.randomNip();
            String ksefNumber = ksefNumber(sellerNip);
            numbers.add(ksefNumber);
            EVENTS.received(tenant.id(), ksefNumber, subjectType, sellerNip,
                    Invoices.bytes(sellerNip, "IN-" + ksefNumber.substring(0, 10)), T0.plusSeconds(60L * i));
        }
        awaitInbox(tenant, "?limit=500", page -> ksefNumbers(page).containsAll(numbers));
        return numbers;
    }

    private static String ksefNumber(String sellerNip) {
        String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        return KsefNumber.of(sellerNip, LocalDate.of(2026, 11, 20), hex);
    }

    private void awaitInbox(Tenant tenant, String query, Predicate<Map<String, Object>> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.test(get(tenant, "/api/v1/inbox" + query, 200))) {
            assertThat(System.nanoTime()).as("sync-service never folded the inbox events").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitSubmissions(Tenant tenant, String query, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (items(get(tenant, "/api/v1/invoices?" + query, 200)).size() < count) {
            assertThat(System.nanoTime()).as("sync-service never folded the submissions").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The integration events are folded asynchronously: until then sync-service knows no integration (409). */
    private String awaitSyncStarted(Tenant tenant) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var result = syncNow(tenant, "").returnResult(String.class);
            if (result.getStatus().value() == 202) {
                Map<String, Object> body = parse(result.getResponseBody().blockFirst());
                assertThat(body).containsEntry("subjectType", "Subject2");
                assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/v1/inbox/sync");
                return (String) body.get("commandId");
            }
            assertThat(result.getStatus().value()).isEqualTo(409);
            assertThat(System.nanoTime()).as("sync-service never saw the integration").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private WebTestClient.ResponseSpec syncNow(Tenant tenant, String body) {
        var request = client.post().uri("/api/v1/inbox/sync").header("X-API-Key", tenant.apiKey());
        return body.isEmpty() ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void assertInvalid(Tenant tenant, String uri, String parameter) {
        client.get().uri(uri).header("X-API-Key", tenant.apiKey()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-request")
                .jsonPath("$.parameter").isEqualTo(parameter);
    }

    private Map<String, Object> get(Tenant tenant, String uri, int status) {
        return client.get().uri(uri).header("X-API-Key", tenant.apiKey()).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private String submit(Tenant tenant, String invoiceNumber) {
        Map<String, Object> accepted = client.post().uri("/api/v1/invoices").contentType(MediaType.APPLICATION_XML)
                .header("X-API-Key", tenant.apiKey()).bodyValue(Invoices.bytes(tenant.nip(), invoiceNumber)).exchange()
                .expectStatus().isAccepted()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return (String) accepted.get("commandId");
    }

    private Tenant registerTenant() {
        String nip = Invoices.randomNip();
        Map<String, Object> body = client.post().uri("/admin/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .bodyValue(Map.of("name", "Tenant " + nip, "nip", nip)).exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return new Tenant((String) body.get("tenantId"), nip, (String) body.get("apiKey"));
    }

    private static String readModelStatus(String commandId) throws java.sql.SQLException {
        try (java.sql.Connection connection = EmbeddedPostgres.get().connect();
             var query = connection.prepareStatement("SELECT status FROM sync.submissions WHERE command_id = ?")) {
            query.setString(1, commandId);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<String> ksefNumbers(Map<String, Object> page) {
        return items(page).stream().map(item -> (String) item.get("ksefNumber")).toList();
    }

    private static List<String> commandIds(Map<String, Object> page) {
        return items(page).stream().map(item -> (String) item.get("commandId")).toList();
    }

    private static Map<String, Object> parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, new com.fasterxml.jackson.core.type.TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Tenant(String id, String nip, String apiKey) {
    }
}
