package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.deploy.SampleInvoices;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceStatus;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.ksef.client.SentInvoice;
import dev.ksefplatform.ksef.client.SessionStatus;
import dev.ksefplatform.ksef.id.KsefNumber;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

/** Online sessions through the real client against the simulator (rate limits lifted: volume, not pacing). */
class OnlineSessionIT {

    private static final Duration FINAL = Duration.ofSeconds(60);
    private static final int INVOICES = 50;

    @RegisterExtension
    static final KsefContractFixture KSEF = KsefContractFixture.withoutRateLimits();
    private final RunningSimulator simulator = KSEF.simulator();
    private final KsefClient ksef = KSEF.client();

    @Test
    void fiftyInvoicesInOneSessionAllGetValidKsefNumbersAndTheSessionUpoListsThem() throws Exception {
        String nip = TestNips.random();
        String access = login(nip);

        List<SentInvoice> sent = new ArrayList<>();
        String sessionRef;
        try (OnlineSession session = ksef.onlineSessions().open(access, FormCode.FA3)) {
            sessionRef = session.referenceNumber();
            for (int i = 1; i <= INVOICES; i++) {
                sent.add(session.send(invoice(nip, "FV/50/" + i)));
            }
        }

        List<String> ksefNumbers = new ArrayList<>();
        for (SentInvoice invoice : sent) {
            InvoiceStatus status = ksef.onlineSessions().awaitInvoiceStatus(access, sessionRef,
                    invoice.referenceNumber(), FINAL);
            assertThat(status.code()).as("%s: %s %s", invoice.referenceNumber(), status.description(), status.details())
                    .isEqualTo(InvoiceStatus.SUCCESS);
            ksefNumbers.add(status.ksefNumber());
        }
        assertThat(ksefNumbers).hasSize(INVOICES).doesNotHaveDuplicates().allMatch(KsefNumber::isValid)
                .allMatch(number -> number.startsWith(nip + "-"));

        SessionStatus closed = Await.until(() -> ksef.onlineSessions().sessionStatus(access, sessionRef),
                s -> s.code() != 170 && s.code() != 100, FINAL);
        assertThat(closed.code()).isEqualTo(200);
        assertThat(closed.invoiceCount()).isEqualTo(INVOICES);
        assertThat(closed.successfulInvoiceCount()).isEqualTo(INVOICES);
        assertThat(closed.upoPages()).isNotEmpty();

        assertThat(ksef.sessionInvoices().all(access, sessionRef))
                .extracting(i -> i.status().ksefNumber())
                .containsExactlyInAnyOrderElementsOf(ksefNumbers);
        assertThat(ksef.sessionInvoices().failed(access, sessionRef)).isEmpty();

        byte[] upo = ksef.sessionInvoices().downloadUpo(closed.upoPages().get(0).downloadUrl());
        Document document = UpoDocuments.parse(upo);
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(UpoDocuments.NAMESPACE);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("Potwierdzenie");
        UpoDocuments.validate(upo);
        assertThat(UpoDocuments.ksefNumbers(document)).containsExactlyInAnyOrderElementsOf(ksefNumbers);
        assertThat(simulator.acceptedInvoices(nip)).extracting(i -> i.path("ksefNumber").asText())
                .containsExactlyInAnyOrderElementsOf(ksefNumbers);
    }

    @Test
    void theSameSellerTypeAndNumberAgainIsADuplicatePointingAtTheFirstInvoice() {
        String nip = TestNips.random();
        String access = login(nip);
        byte[] invoice = invoice(nip, "FV/DUP/1");
        Accepted first = sendAndAwait(access, invoice);
        assertThat(first.status().code()).isEqualTo(InvoiceStatus.SUCCESS);

        Accepted again = sendAndAwait(access, invoice);

        assertThat(again.status().code()).isEqualTo(InvoiceStatus.DUPLICATE);
        assertThat(ksef.sessionInvoices().failed(access, again.sessionReferenceNumber()))
                .extracting(i -> i.status().code())
                .containsExactly(InvoiceStatus.DUPLICATE);
        assertThat(again.status().ksefNumber()).isNull();
        assertThat(again.status().extensions())
                .containsEntry("originalKsefNumber", first.status().ksefNumber())
                .containsEntry("originalSessionReferenceNumber", first.sessionReferenceNumber());
        List<JsonNode> accepted = simulator.acceptedInvoices(nip);
        assertThat(accepted).extracting(i -> i.path("ksefNumber").asText())
                .containsExactly(first.status().ksefNumber());
    }

    @Test
    void anAcceptedInvoicesOwnUpoNamesItsKsefNumber() throws Exception {
        String nip = TestNips.random();
        String access = login(nip);

        Accepted accepted = sendAndAwait(access, invoice(nip, "FV/UPO/1"));

        assertThat(accepted.status().upoDownloadUrl()).isNotBlank();
        byte[] upo = ksef.sessionInvoices().downloadUpo(accepted.status().upoDownloadUrl());
        UpoDocuments.validate(upo);
        assertThat(UpoDocuments.ksefNumbers(UpoDocuments.parse(upo))).containsExactly(accepted.status().ksefNumber());
    }

    private record Accepted(String sessionReferenceNumber, InvoiceStatus status) {
    }

    private Accepted sendAndAwait(String access, byte[] invoice) {
        try (OnlineSession session = ksef.onlineSessions().open(access, FormCode.FA3)) {
            SentInvoice sent = session.send(invoice);
            return new Accepted(session.referenceNumber(), ksef.onlineSessions().awaitInvoiceStatus(access,
                    session.referenceNumber(), sent.referenceNumber(), FINAL));
        }
    }

    private String login(String nip) {
        String token = simulator.seedKsefToken(nip, "InvoiceWrite", "InvoiceRead").token();
        return ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token).accessToken().token();
    }

    static byte[] invoice(String nip, String number) {
        return SampleInvoices.fa3(nip, number, LocalDate.now(ZoneId.of("Europe/Warsaw")));
    }
}
