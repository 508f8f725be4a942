package dev.ksefplatform.sync.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.sync.TestEvents;
import dev.ksefplatform.sync.inbox.application.InboxCursor;
import dev.ksefplatform.sync.support.Fa3Samples;
import dev.ksefplatform.sync.support.ServiceDatabaseUser;
import dev.ksefplatform.sync.support.SyncServiceITSupport;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;

/** The inbox's read side: the immutable store, the normalised rows, and the tenant-bound query API. */
class InboxIT extends SyncServiceITSupport {

    private static final Instant STORED = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void receivedInvoiceIsKeptByteForByteAndListedWithExactAmounts() {
        String tenant = tenant("exact");
        byte[] xml = Fa3Samples.bytes(Fa3Samples.PDFGEN, "-", "-");
        String ksef = ksef(tenant, 1);
        publish(TestEvents.received(tenant, ksef, "Subject2", xml, STORED));
        String correction = ksef(tenant, 2);
        publish(TestEvents.received(tenant, correction, "Subject1", Fa3Samples.multiRateCorrection(TestEvents.NIP, "9"),
                STORED.plusSeconds(60)));

        awaitRows(tenant, 2);

        invoice(tenant, ksef).jsonPath("$.sellerNip").isEqualTo("5265877635")
                .jsonPath("$.sellerName").isEqualTo("Bartkowiak, Dróżdż and Górecki")
                .jsonPath("$.buyerNip").isEqualTo("6808208874").jsonPath("$.buyerName").isEqualTo("Strzelczyk LLC")
                .jsonPath("$.invoiceNumber").isEqualTo("FA/YUCFO-4342344706/03/2026")
                .jsonPath("$.issueDate").isEqualTo("2025-10-31").jsonPath("$.invoiceType").isEqualTo("VAT")
                .jsonPath("$.currency").isEqualTo("PLN").jsonPath("$.net").isEqualTo("27292.28")
                .jsonPath("$.vat").isEqualTo("6277.22").jsonPath("$.gross").isEqualTo("33569.50")
                .jsonPath("$.direction").isEqualTo("INCOMING").jsonPath("$.sha256").isEqualTo(TestEvents.sha256(xml));
        invoice(tenant, correction).jsonPath("$.net").isEqualTo("1000000000000.31").jsonPath("$.vat").isEqualTo("0.03")
                .jsonPath("$.gross").isEqualTo("1000000000000.34").jsonPath("$.invoiceType").isEqualTo("KOR")
                .jsonPath("$.currency").isEqualTo("EUR").jsonPath("$.direction").isEqualTo("OUTGOING");
        assertThat(query("SELECT net_amount::text FROM sync.inbox WHERE ksef_number = '" + correction + "'"))
                .contains("1000000000000.31");
        http.get().uri("/internal/v1/tenants/{t}/inbox/{k}/xml", tenant, ksef).header("Authorization", COMMAND_API)
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectHeader().valueEquals("Repr-Digest", "sha-256=:" + TestEvents.sha256(xml) + ":")
                .expectBody(byte[].class).isEqualTo(xml);
    }

    @Test
    void rawStoreRefusesUpdateDeleteAndTruncateFromTheServicesOwnUser() throws SQLException {
        String tenant = tenant("immutable");
        String ksef = ksef(tenant, 1);
        publish(TestEvents.received(tenant, ksef, "<Faktura>original</Faktura>"));
        awaitRows(tenant, 1);
        String where = " WHERE tenant_id = '" + tenant + "'";

        try (Connection service = ServiceDatabaseUser.connect(); Statement statement = service.createStatement()) {
            assertThat(asService(statement, "SELECT current_user || ' ' || rolsuper || ' ' || (tableowner = current_user)"
                    + " FROM pg_roles, pg_tables WHERE rolname = current_user AND tablename = 'documents_raw'"))
                    .isEqualTo(ServiceDatabaseUser.NAME + " false true");
            assertThat(asService(statement, "SELECT count(*) FROM sync.inbox" + where)).isEqualTo("1");
            assertThatThrownBy(() -> statement.execute("UPDATE sync.documents_raw SET raw_xml = 'forged'::bytea" + where))
                    .hasMessageContaining("append-only: UPDATE refused");
            assertThatThrownBy(() -> statement.execute("DELETE FROM sync.documents_raw" + where))
                    .hasMessageContaining("append-only: DELETE refused");
            assertThatThrownBy(() -> statement.execute("TRUNCATE sync.documents_raw"))
                    .hasMessageContaining("TRUNCATE only inside a read-model rebuild");
        }
        assertThat(query("SELECT convert_from(raw_xml, 'UTF8') FROM sync.documents_raw" + where))
                .contains("<Faktura>original</Faktura>");
    }

    private static String asService(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).as(sql).isTrue();
            return row.getString(1);
        }
    }

    @Test
    void rebuildEmptiesTheRawStoreInItsTransactionAndRefillsItFromTheLog() throws SQLException {
        String tenant = tenant("rebuild");
        String ksef = ksef(tenant, 1);
        publish(TestEvents.received(tenant, ksef, "<Faktura>kept</Faktura>"));
        awaitRows(tenant, 1);
        String eventId = query("SELECT event_id FROM sync.documents_raw WHERE ksef_number = '" + ksef + "'").orElseThrow();
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO sync.documents_raw (tenant_id, ksef_number, direction, subject_type, sha256,"
                    + " raw_xml, event_id, received_at) VALUES ('" + tenant + "', 'forged', 'INCOMING', 'Subject2',"
                    + " 'x', 'x'::bytea, 'not-an-event', now())");
        }

        http.post().uri("/admin/v1/rebuild").header("Authorization", ADMIN).exchange().expectStatus().isAccepted();

        eventually(() -> query("SELECT string_agg(ksef_number || '/' || event_id, ',') FROM sync.documents_raw"
                + " WHERE tenant_id = '" + tenant + "'").filter((ksef + "/" + eventId)::equals));
    }

    @Test
    void unreadableDocumentIsStillStoredAndListedWithWhyItsFactsAreMissing() {
        String tenant = tenant("unreadable");
        String ksef = ksef(tenant, 1);
        publish(TestEvents.received(tenant, ksef, "<Faktura><Fa>"));

        awaitRows(tenant, 1);

        invoice(tenant, ksef).jsonPath("$.parseProblem").isEqualTo("not well-formed XML")
                .jsonPath("$.sellerNip").isEqualTo(TestEvents.NIP).jsonPath("$.invoiceNumber").isEqualTo("FA/7")
                .jsonPath("$.gross").isEmpty();
        assertThat(query("SELECT convert_from(raw_xml, 'UTF8') FROM sync.documents_raw WHERE ksef_number = '"
                + ksef + "'")).contains("<Faktura><Fa>");
    }

    @Test
    void pagesOfOneTenantNeverShowAnothersRowsWhateverTheCursor() {
        String a = tenant("a");
        String b = tenant("b");
        for (int i = 1; i <= 3; i++) {
            publish(TestEvents.received(a, ksef(a, i), "Subject2", sample(i), STORED.plusSeconds(i)));
            publish(TestEvents.received(b, ksef(b, i), "Subject2", sample(i), STORED.plusSeconds(i)));
        }
        awaitRows(a, 3);
        awaitRows(b, 3);

        Map<?, ?> first = page(a, "limit=2");
        String cursor = (String) first.get("nextCursor");
        Map<?, ?> second = page(a, "limit=2&cursor=" + cursor);

        assertThat(numbersOf(first)).containsExactly(ksef(a, 3), ksef(a, 2));
        assertThat(numbersOf(second)).containsExactly(ksef(a, 1));
        assertThat(second.get("nextCursor")).isNull();
        http.get().uri("/internal/v1/tenants/" + b + "/inbox?limit=2&cursor=" + cursor)
                .header("Authorization", COMMAND_API).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type")
                .isEqualTo("https://ksef-platform.dev/problems/cursor-not-found");
        String forgedForA = new InboxCursor(a, STORED.plusSeconds(4), ksef(b, 9)).encode();
        assertThat(numbersOf(page(a, "cursor=" + forgedForA))).containsExactly(ksef(a, 3), ksef(a, 2), ksef(a, 1));
        http.get().uri("/internal/v1/tenants/{t}/inbox/{k}", a, ksef(b, 1)).header("Authorization", COMMAND_API)
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.type")
                .isEqualTo("https://ksef-platform.dev/problems/inbox-invoice-not-found");
        http.get().uri("/internal/v1/tenants/{t}/inbox/{k}/xml", a, ksef(b, 1)).header("Authorization", COMMAND_API)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void filtersNarrowTheListing() {
        String tenant = tenant("filters");
        publish(TestEvents.received(tenant, ksef(tenant, 1), "Subject2", Fa3Samples.bytes(Fa3Samples.PDFGEN, "-", "-"), STORED));
        publish(TestEvents.received(tenant, ksef(tenant, 2), "Subject3",
                Fa3Samples.bytes(Fa3Samples.CSHARP, "1111111111", "100_%"), STORED.plusSeconds(1)));
        publish(TestEvents.received(tenant, ksef(tenant, 3), "Subject2",
                Fa3Samples.bytes(Fa3Samples.JAVA, "2222222222", "200"), STORED.plusSeconds(2)));
        awaitRows(tenant, 3);

        assertThat(numbers(tenant, "issuedFrom=2025-10-01&issuedTo=2025-12-31")).containsExactly(ksef(tenant, 1));
        assertThat(numbers(tenant, "sellerNip=2222222222")).containsExactly(ksef(tenant, 3));
        assertThat(numbers(tenant, "subjectType=Subject3")).containsExactly(ksef(tenant, 2));
        assertThat(numbers(tenant, "grossFrom=53.63&grossTo=13102.43")).containsExactly(ksef(tenant, 3), ksef(tenant, 2));
        assertThat(searched(tenant, "100_%")).containsExactly(ksef(tenant, 2));
        assertThat(searched(tenant, "grqmb")).containsExactly(ksef(tenant, 3), ksef(tenant, 2));
        assertThat(searched(tenant, "2_0")).isEmpty();
    }

    @Test
    void badQueriesAreBadRequestProblems() {
        for (String bad : List.of("limit=0", "limit=1001", "sellerNip=12", "subjectType=Subject9",
                "issuedFrom=2026-02-01&issuedTo=2026-01-01", "grossFrom=abc", "cursor=not-a-cursor",
                "q=" + "x".repeat(101))) {
            http.get().uri("/internal/v1/tenants/t/inbox?" + bad).header("Authorization", COMMAND_API).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void arrivalsAreCountedPerUtcDayOfTheTenantOnly() {
        String tenant = tenant("arrivals");
        String other = tenant("arrivals-other");
        Instant day1 = Instant.parse("2026-11-20T23:30:00Z");
        publish(TestEvents.received(tenant, ksef(tenant, 1), "Subject2", sample(1), day1));
        publish(TestEvents.received(tenant, ksef(tenant, 2), "Subject2", sample(2), day1.plusSeconds(1800)));
        publish(TestEvents.received(tenant, ksef(tenant, 3), "Subject1", sample(3), day1.plusSeconds(3600)));
        publish(TestEvents.received(tenant, ksef(tenant, 4), "Subject2", sample(4), Instant.parse("2026-11-25T10:00:00Z")));
        publish(TestEvents.received(other, ksef(other, 1), "Subject2", sample(1), day1));
        awaitRows(tenant, 4);
        awaitRows(other, 1);

        Map<?, ?> summary = http.get().uri("/internal/v1/tenants/{t}/inbox/summary?from=2026-11-20&to=2026-11-22", tenant)
                .header("Authorization", COMMAND_API).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();

        assertThat(summary.get("total")).isEqualTo(3);
        assertThat(summary.get("days")).isEqualTo(List.of(Map.of("day", "2026-11-20", "count", 1),
                Map.of("day", "2026-11-21", "count", 2), Map.of("day", "2026-11-22", "count", 0)));
        http.get().uri("/internal/v1/tenants/{t}/inbox/summary?from=2026-11-20&to=2026-11-20", other)
                .header("Authorization", COMMAND_API).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void badArrivalPeriodsAreBadRequestProblems() {
        for (String bad : List.of("", "from=2026-11-01", "to=2026-11-01", "from=2026-11-02&to=2026-11-01",
                "from=2026-11-01&to=2026-12-02", "from=yesterday&to=2026-11-01")) {
            http.get().uri("/internal/v1/tenants/t/inbox/summary?" + bad).header("Authorization", COMMAND_API)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/internal/v1/tenants/t/inbox/summary?from=2026-11-01&to=2026-12-01")
                .header("Authorization", COMMAND_API).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.days.length()").isEqualTo(31);
    }

    private BodyContentSpec invoice(String tenant, String ksef) {
        return http.get().uri("/internal/v1/tenants/{t}/inbox/{k}", tenant, ksef).header("Authorization", COMMAND_API)
                .exchange().expectStatus().isOk().expectBody();
    }

    private Map<?, ?> page(String tenant, String query) {
        return http.get().uri("/internal/v1/tenants/" + tenant + "/inbox?" + query).header("Authorization", COMMAND_API)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<String> numbers(String tenant, String query) {
        return numbersOf(page(tenant, query));
    }

    /** Invoice numbers searched for {@code text}, which may hold LIKE's wildcards (they match themselves). */
    private List<String> searched(String tenant, String text) {
        return numbersOf(http.get().uri(b -> b.path("/internal/v1/tenants/{t}/inbox").queryParam("q", "{q}").build(tenant, text))
                .header("Authorization", COMMAND_API).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody());
    }

    private static List<String> numbersOf(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(i -> (String) ((Map<?, ?>) i).get("ksefNumber")).toList();
    }

    private static void awaitRows(String tenant, int rows) {
        eventually(() -> query("SELECT count(*) FROM sync.inbox WHERE tenant_id = '" + tenant + "'")
                .filter(String.valueOf(rows)::equals));
    }

    private static byte[] sample(int i) {
        return Fa3Samples.bytes(Fa3Samples.CSHARP, TestEvents.NIP, "p" + i);
    }

    private static String tenant(String name) {
        return "inbox-" + name + "-" + UUID.randomUUID();
    }

    private static String ksef(String tenant, int i) {
        return "5265877635-20261121-" + Math.abs(tenant.hashCode() % 1_000_000) + "-" + i;
    }
}
