package dev.ksefplatform.sync.inbox.domain;

import dev.ksefplatform.sync.projection.domain.InboxSynced;
import dev.ksefplatform.sync.projection.domain.InvoiceReceived;
import java.time.Instant;
import java.util.Optional;

/** Folds inbox events: raw documents are immutable, the high-water mark only moves forward. */
public final class InboxFold {

    private InboxFold() {
    }

    /** The document to store, or empty when the tenant already holds this KSeF number. */
    public static Optional<InboxDocument> receive(boolean alreadyHeld, InvoiceReceived e) {
        if (alreadyHeld) {
            return Optional.empty();
        }
        return Optional.of(new InboxDocument(e.meta().tenantId(), e.ksefNumber(), e.subjectType(), e.sellerNip(),
                e.invoiceNumber(), e.issueDate(), e.permanentStorageDate(), e.invoiceHash(), e.xml(),
                e.meta().eventId(), e.meta().occurredAt()));
    }

    /** The new sync state; a window that ends before the stored mark leaves the mark where it is. */
    public static SyncState evolve(Optional<SyncState> current, InboxSynced e) {
        Instant mark = later(current.map(SyncState::highWaterMark).orElse(null), e.highWaterMark());
        return new SyncState(e.meta().tenantId(), e.subjectType(), mark, e.meta().eventId(), e.meta().occurredAt());
    }

    private static Instant later(Instant stored, Instant reported) {
        if (stored == null) {
            return reported;
        }
        return reported == null || reported.isBefore(stored) ? stored : reported;
    }
}
