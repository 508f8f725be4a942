package dev.ksefplatform.sync.inbox.api;

import dev.ksefplatform.sync.inbox.domain.InboxEntry;
import dev.ksefplatform.sync.inbox.domain.InvoiceFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A received invoice, normalised. Amounts are decimal strings exactly as the invoice states them ("33569.50"),
 * so no client reads money into a floating-point number.
 */
public record InboxInvoiceView(String ksefNumber, String subjectType, String direction, String sellerNip,
                               String sellerName, String buyerNip, String buyerName, String invoiceNumber,
                               LocalDate issueDate, String invoiceType, String currency, String net, String vat,
                               String gross, Instant permanentStorageDate, Instant receivedAt, String sha256,
                               String parseProblem) {

    static InboxInvoiceView of(InboxEntry e) {
        InvoiceFacts f = e.facts();
        return new InboxInvoiceView(e.ksefNumber(), e.subjectType(), e.direction().name(), f.sellerNip(),
                f.sellerName(), f.buyerNip(), f.buyerName(), f.invoiceNumber(), f.issueDate(), f.invoiceType(),
                f.currency(), text(f.net()), text(f.vat()), text(f.gross()), e.permanentStorageDate(), e.receivedAt(),
                e.sha256(), e.parseProblem());
    }

    private static String text(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
