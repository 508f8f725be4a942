package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.invoice.InvoiceDetails;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.time.Instant;
import java.time.LocalDate;

/** An accepted invoice as the receiving endpoints see it: the record and what its document shows. */
record ReceivedInvoice(AcceptedInvoice invoice, InvoiceDetails details) {

    /** The instant a date type sorts and filters by; an issue date counts from its start in Warsaw. */
    Instant date(String dateType) {
        return switch (dateType) {
            case "Issue" -> LocalDate.parse(invoice.issueDate()).atStartOfDay(ReferenceNumbers.WARSAW).toInstant();
            case "Invoicing" -> invoice.invoicingDate();
            default -> invoice.permanentStorageDate();
        };
    }
}
