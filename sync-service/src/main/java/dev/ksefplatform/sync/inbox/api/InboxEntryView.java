package dev.ksefplatform.sync.inbox.api;

import dev.ksefplatform.sync.inbox.domain.InboxDocument;
import java.time.Instant;
import java.time.LocalDate;

/** One received invoice in the inbox listing (metadata; the XML stays in the read model). */
public record InboxEntryView(String ksefNumber, String subjectType, String sellerNip, String invoiceNumber,
                             LocalDate issueDate, Instant permanentStorageDate, String invoiceHash,
                             Instant receivedAt) {

    static InboxEntryView of(InboxDocument d) {
        return new InboxEntryView(d.ksefNumber(), d.subjectType(), d.sellerNip(), d.invoiceNumber(), d.issueDate(),
                d.permanentStorageDate(), d.invoiceHash(), d.receivedAt());
    }
}
