package dev.ksefplatform.sync.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.sync.inbox.domain.InboxFold.ParsedInvoice;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InvoiceReceived;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxFoldTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final InvoiceFacts FACTS = new InvoiceFacts("5265877635", "Seller", "6808208874", "Buyer", "FA/1",
            LocalDate.of(2025, 10, 31), "VAT", "PLN", new BigDecimal("27292.28"), new BigDecimal("6277.22"),
            new BigDecimal("33569.50"));

    @Test
    void purchaseIsStoredAsReceivedAndListedWithItsParsedFacts() {
        ReceivedDocument document = InboxFold.receive(received("KSEF-1", "Subject2"), ParsedInvoice.read(FACTS));

        assertThat(document.raw().direction()).isEqualTo(Direction.INCOMING);
        assertThat(new String(document.raw().xml(), StandardCharsets.UTF_8)).isEqualTo("<Faktura/>");
        assertThat(document.raw().acquisitionDate()).isEqualTo(T0.minusSeconds(5));
        assertThat(document.raw().receivedAt()).isEqualTo(T0);
        assertThat(document.entry().facts()).isEqualTo(FACTS);
        assertThat(document.entry().listedAt()).isEqualTo(T0.minusSeconds(5));
        assertThat(document.entry().parseProblem()).isNull();
    }

    @Test
    void invoiceTheTenantIssuedIsOutgoing() {
        assertThat(InboxFold.receive(received("KSEF-1", "Subject1"), ParsedInvoice.read(FACTS)).raw().direction())
                .isEqualTo(Direction.OUTGOING);
    }

    @Test
    void unreadableInvoiceIsStillStoredWithWhatTheEventSaysAndWhy() {
        ReceivedDocument document = InboxFold.receive(received("KSEF-1", "Subject2"),
                ParsedInvoice.unreadable("not well-formed XML"));

        assertThat(document.entry().facts().sellerNip()).isEqualTo("5265877635");
        assertThat(document.entry().facts().invoiceNumber()).isEqualTo("FV/9");
        assertThat(document.entry().facts().gross()).isNull();
        assertThat(document.entry().parseProblem()).isEqualTo("not well-formed XML");
    }

    @Test
    void documentReceivedTwiceInABatchIsKeptOnceFirstDeliveryFirst() {
        ReceivedDocument first = InboxFold.receive(received("KSEF-1", "Subject2"), ParsedInvoice.read(FACTS));
        ReceivedDocument other = InboxFold.receive(received("KSEF-2", "Subject2"), ParsedInvoice.read(FACTS));
        ReceivedDocument again = InboxFold.receive(received("KSEF-1", "Subject3"), ParsedInvoice.read(FACTS));

        assertThat(InboxFold.distinct(List.of(first, other, again))).containsExactly(first, other);
    }

    private static InvoiceReceived received(String ksefNumber, String subjectType) {
        return new InvoiceReceived(new EventMeta("e0", "tenant-a", "sync-1", T0, "5265877635"), ksefNumber,
                subjectType, "5265877635", "FV/9", LocalDate.of(2026, 11, 20), T0.minusSeconds(5), "hash",
                "<Faktura/>".getBytes(StandardCharsets.UTF_8));
    }
}
