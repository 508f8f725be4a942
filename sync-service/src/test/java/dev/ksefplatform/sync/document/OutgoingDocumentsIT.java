package dev.ksefplatform.sync.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.sync.TestEvents;
import dev.ksefplatform.sync.support.Fa3Samples;
import dev.ksefplatform.sync.support.ServiceDatabaseUser;
import dev.ksefplatform.sync.support.SyncServiceITSupport;
import dev.ksefplatform.testsupport.QueryPlans;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The documents of a tenant's accepted submissions: the XML as sent and the UPO, kept immutable and tenant-bound. */
class OutgoingDocumentsIT extends SyncServiceITSupport {

    private static final String SUBMISSION = "/internal/v1/tenants/{t}/submissions/{c}";

    @Test
    void theXmlAsSentAndTheUpoOfAnAcceptedSubmissionAreServedByteForByte() {
        String tenant = tenant("served");
        String command = UUID.randomUUID().toString();
        String ksef = ksef(tenant);
        byte[] xml = Fa3Samples.bytes(Fa3Samples.PDFGEN, "-", "-");
        byte[] upo = upo(ksef);
        publish(TestEvents.accepted(tenant, command, ksef));
        publish(TestEvents.sentInvoiceStored(tenant, command, ksef, xml));
        awaitDocument(tenant, ksef);

        problem(tenant, command, "upo", "upo-not-available-yet");
        publish(TestEvents.upoReceived(tenant, command, ksef, upo));
        awaitUpo(tenant, ksef);

        document(tenant, command, "xml", xml);
        document(tenant, command, "upo", upo);
        assertThat(query("SELECT direction || ' ' || subject_type FROM sync.documents_raw WHERE ksef_number = '"
                + ksef + "'")).contains("OUTGOING Subject1");
    }

    @Test
    void anotherTenantsCommandIdIsNotFoundLikeAnUnknownOne() {
        String owner = tenant("owner");
        String command = UUID.randomUUID().toString();
        String ksef = ksef(owner);
        publish(TestEvents.accepted(owner, command, ksef));
        publish(TestEvents.sentInvoiceStored(owner, command, ksef, Fa3Samples.bytes(Fa3Samples.PDFGEN, "-", "-")));
        publish(TestEvents.upoReceived(owner, command, ksef, upo(ksef)));
        awaitUpo(owner, ksef);

        String other = tenant("other");
        problem(other, command, "xml", "submission-not-found");
        problem(other, command, "upo", "submission-not-found");
        problem(owner, UUID.randomUUID().toString(), "xml", "submission-not-found");
    }

    @Test
    void aSubmissionNotAcceptedHasNoXmlYet() {
        String tenant = tenant("sent");
        String command = UUID.randomUUID().toString();
        publish(TestEvents.sent(tenant, command));
        eventually(() -> query("SELECT status FROM sync.submissions WHERE command_id = '" + command + "'"));

        problem(tenant, command, "xml", "invoice-xml-not-available");
        problem(tenant, command, "upo", "upo-not-available-yet");
    }

    @Test
    void theStoresRefuseUpdateDeleteAndTruncateFromTheServicesOwnUserAndARebuildRefillsThem() throws SQLException {
        String tenant = tenant("immutable");
        String command = UUID.randomUUID().toString();
        String ksef = ksef(tenant);
        publish(TestEvents.accepted(tenant, command, ksef));
        publish(TestEvents.sentInvoiceStored(tenant, command, ksef, "<Faktura>as sent</Faktura>".getBytes(StandardCharsets.UTF_8)));
        publish(TestEvents.upoReceived(tenant, command, ksef, upo(ksef)));
        awaitUpo(tenant, ksef);
        awaitDocument(tenant, ksef);
        String where = " WHERE tenant_id = '" + tenant + "'";

        try (Connection service = ServiceDatabaseUser.connect(); Statement statement = service.createStatement()) {
            for (String table : new String[] {"sync.upo_documents", "sync.documents_raw"}) {
                String column = table.endsWith("upo_documents") ? "upo_xml" : "raw_xml";
                assertThatThrownBy(() -> statement.execute("UPDATE " + table + " SET " + column + " = 'forged'::bytea"
                        + where)).hasMessageContaining("append-only: UPDATE refused");
                assertThatThrownBy(() -> statement.execute("DELETE FROM " + table + where))
                        .hasMessageContaining("append-only: DELETE refused");
                assertThatThrownBy(() -> statement.execute("TRUNCATE " + table))
                        .hasMessageContaining("TRUNCATE only inside a read-model rebuild");
            }
        }
        String upoEvent = query("SELECT event_id FROM sync.upo_documents" + where).orElseThrow();

        http.post().uri("/admin/v1/rebuild").header("Authorization", ADMIN).exchange().expectStatus().isAccepted();

        eventually(() -> query("SELECT event_id FROM sync.upo_documents" + where).filter(upoEvent::equals));
        awaitDocument(tenant, ksef);
        assertThat(query("SELECT convert_from(raw_xml, 'UTF8') FROM sync.documents_raw" + where))
                .contains("<Faktura>as sent</Faktura>");
    }

    @Test
    void aUpoWhoseBytesDoNotMatchItsHashIsNotKept() {
        String tenant = tenant("damaged");
        String command = UUID.randomUUID().toString();
        String ksef = ksef(tenant);
        var damaged = TestEvents.upoReceived(tenant, command, ksef, upo(ksef));
        ((dev.ksefplatform.schemas.v1.UpoReceived) damaged.getPayload()).setSha256(TestEvents.sha256(new byte[] {1}));
        publish(TestEvents.accepted(tenant, command, ksef));
        publish(damaged);
        publish(TestEvents.sentInvoiceStored(tenant, command, ksef, "<Faktura/>".getBytes(StandardCharsets.UTF_8)));
        awaitDocument(tenant, ksef);

        assertThat(query("SELECT count(*) FROM sync.upo_documents WHERE tenant_id = '" + tenant + "'")).contains("0");
        problem(tenant, command, "upo", "upo-not-available-yet");
    }

    @Test
    void theDocumentTablesKeepStatisticsForTheirKeyOnlyFromASmallSample() {
        for (String table : new String[] {"sync.documents_raw", "sync.upo_documents"}) {
            assertThat(query(QueryPlans.statisticsTargets(table))).as(table).contains("ksef_number 10,tenant_id 10");
        }
    }

    private void document(String tenant, String command, String kind, byte[] expected) {
        http.get().uri(SUBMISSION + "/" + kind, tenant, command).header("Authorization", COMMAND_API).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectHeader().valueEquals("Repr-Digest", "sha-256=:" + TestEvents.sha256(expected) + ":")
                .expectBody(byte[].class).isEqualTo(expected);
    }

    private void problem(String tenant, String command, String kind, String type) {
        http.get().uri(SUBMISSION + "/" + kind, tenant, command).header("Authorization", COMMAND_API).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/" + type);
    }

    private static void awaitDocument(String tenant, String ksef) {
        eventually(() -> query("SELECT 1 FROM sync.documents_raw WHERE tenant_id = '" + tenant + "' AND ksef_number = '"
                + ksef + "'"));
    }

    private static void awaitUpo(String tenant, String ksef) {
        eventually(() -> query("SELECT 1 FROM sync.upo_documents WHERE tenant_id = '" + tenant + "' AND ksef_number = '"
                + ksef + "'"));
    }

    private static byte[] upo(String ksefNumber) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Potwierdzenie xmlns=\"http://upo.schematy.mf.gov.pl/KSeF/v4-3\">"
                + "<Dokument><NumerKSeFDokumentu>" + ksefNumber + "</NumerKSeFDokumentu></Dokument></Potwierdzenie>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String tenant(String name) {
        return "documents-" + name + "-" + UUID.randomUUID();
    }

    private static String ksef(String tenant) {
        return "5265877635-20261122-" + Math.abs(tenant.hashCode() % 1_000_000) + "-AB";
    }
}
