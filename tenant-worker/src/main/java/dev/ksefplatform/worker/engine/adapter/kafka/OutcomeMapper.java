package dev.ksefplatform.worker.engine.adapter.kafka;

import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceDuplicate;
import dev.ksefplatform.schemas.v1.InvoiceRejected;
import dev.ksefplatform.schemas.v1.InvoiceSubmissionAbandoned;
import dev.ksefplatform.worker.engine.domain.SubmissionOutcome;

/** Final outcomes as their Avro events. */
final class OutcomeMapper {

    private OutcomeMapper() {
    }

    static Object payload(SubmissionOutcome outcome) {
        if (outcome instanceof SubmissionOutcome.Accepted a) {
            return InvoiceAccepted.newBuilder().setKsefNumber(a.ksefNumber()).setInvoiceNumber(a.invoiceNumber())
                    .setInvoiceHash(a.invoiceHash()).setSessionReferenceNumber(a.sessionReferenceNumber())
                    // a batch invoice accepted by the session UPO has no per-invoice reference to hand
                    .setInvoiceReferenceNumber(a.invoiceReferenceNumber() == null ? "" : a.invoiceReferenceNumber())
                    .setAcquiredAt(a.acquiredAt()).setUpoDownloadUrl(a.upoDownloadUrl()).build();
        }
        if (outcome instanceof SubmissionOutcome.Rejected r) {
            return InvoiceRejected.newBuilder().setKsefStatusCode(r.ksefStatusCode())
                    .setDescription(r.description()).setDetails(r.details()).setInvoiceNumber(r.invoiceNumber())
                    .setSessionReferenceNumber(r.sessionReferenceNumber())
                    .setInvoiceReferenceNumber(r.invoiceReferenceNumber()).build();
        }
        if (outcome instanceof SubmissionOutcome.Duplicate d) {
            return InvoiceDuplicate.newBuilder().setOriginalKsefNumber(d.originalKsefNumber())
                    .setOriginalSessionReferenceNumber(d.originalSessionReferenceNumber())
                    .setInvoiceNumber(d.invoiceNumber()).setSessionReferenceNumber(d.sessionReferenceNumber())
                    .setInvoiceReferenceNumber(d.invoiceReferenceNumber()).build();
        }
        SubmissionOutcome.Abandoned abandoned = (SubmissionOutcome.Abandoned) outcome;
        return InvoiceSubmissionAbandoned.newBuilder().setReason(abandoned.reason())
                .setAttempts(abandoned.attempts()).setInvoiceNumber(abandoned.invoiceNumber()).build();
    }
}
