package dev.ksefplatform.worker.submission.application;

import dev.ksefplatform.worker.submission.domain.FinalInvoiceStatus;
import dev.ksefplatform.worker.submission.domain.InvoiceSubmission;
import java.time.Instant;

/** Sends one invoice to KSeF in its own online session and waits for KSeF's final status. */
public interface KsefSubmissions {

    /**
     * @throws KsefRefusal      when KSeF refuses the call itself for good (e.g. missing permissions)
     * @throws TransientFailure when KSeF is unavailable, throttling, or the status is not final in time
     */
    KsefReceipt submit(InvoiceSubmission submission, AccessToken accessToken);

    /**
     * @param sessionClosed whether closing the session succeeded (KSeF closes it on expiry otherwise)
     */
    record KsefReceipt(String sessionReferenceNumber, Instant sessionValidUntil, boolean sessionClosed,
                       FinalInvoiceStatus status) {
    }
}
