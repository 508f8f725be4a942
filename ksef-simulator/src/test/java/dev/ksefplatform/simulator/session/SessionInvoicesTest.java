package dev.ksefplatform.simulator.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.simulator.shared.StatusInfo;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionInvoicesTest {

    private static final InvoiceState ACCEPTED = new InvoiceState(StatusInfo.of(200, "Sukces"), "FV/1", null, "Online");
    private static final InvoiceState INVALID = new InvoiceState(StatusInfo.of(430, "Błąd"), null, null, null);

    private final SessionInvoices invoices = new SessionInvoices();

    @Test
    void countsEachInvoiceOnceWhenItsStatusBecomesFinal() {
        SessionInvoice first = add();
        SessionInvoice second = add();
        add();

        invoices.settle(first, InvoiceState.PROCESSING);
        invoices.settle(first, ACCEPTED);
        invoices.settle(first, ACCEPTED);
        invoices.settle(second, INVALID);

        assertThat(invoices.count()).isEqualTo(3);
        assertThat(invoices.succeeded()).isEqualTo(1);
        assertThat(invoices.failed()).isEqualTo(1);
        assertThat(invoices.allDone()).isFalse();
    }

    @Test
    void findsAnInvoiceByReferenceAndPagesFromAnOrdinal() {
        for (int i = 0; i < 30; i++) {
            add();
        }
        SessionInvoice twelfth = invoices.page(12, i -> true, 1).get(0);

        assertThat(twelfth.ordinalNumber()).isEqualTo(12);
        assertThat(invoices.find(twelfth.referenceNumber())).containsSame(twelfth);
        assertThat(invoices.page(25, i -> true, 10)).extracting(SessionInvoice::ordinalNumber)
                .containsExactly(25, 26, 27, 28, 29, 30);
        assertThat(invoices.page(1, i -> i.ordinalNumber() % 10 == 0, 10)).extracting(SessionInvoice::ordinalNumber)
                .containsExactly(10, 20, 30);
    }

    private SessionInvoice add() {
        return invoices.add(ordinal -> new SessionInvoice(ordinal, "EE-" + ordinal, "hash", Instant.EPOCH, false,
                new byte[0]));
    }
}
