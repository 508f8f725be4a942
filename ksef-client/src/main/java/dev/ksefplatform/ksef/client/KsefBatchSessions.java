package dev.ksefplatform.ksef.client;

import java.time.Duration;
import java.util.List;

/** Batch sessions: one ZIP of many invoices, split into encrypted parts uploaded straight to storage. */
public interface KsefBatchSessions {

    /**
     * Zips the invoices into a temporary file, splits it into parts of at most the configured part size, encrypts each
     * part with a fresh session key, opens the session ({@code POST /sessions/batch}), uploads the parts in parallel to
     * the pre-signed URLs (no token), and closes the session. Everything is streamed through temporary files, deleted
     * before returning; the heap use does not grow with the batch size.
     */
    BatchSubmission submit(String accessToken, FormCode formCode, Iterable<BatchInvoice> invoices);

    /**
     * Zips, splits and encrypts the invoices on disk, without calling KSeF; the caller opens, uploads and closes the
     * session step by step (and must close the returned batch to delete its files).
     */
    PreparedBatch prepare(FormCode formCode, Iterable<BatchInvoice> invoices);

    /** Polls {@code GET /sessions/{ref}} while the session is open or processing (100, 150). */
    SessionStatus awaitProcessed(String accessToken, String sessionReferenceNumber, Duration timeout);

    /** Every per-invoice result of the session ({@code GET /sessions/{ref}/invoices}, all pages). */
    List<SessionInvoice> invoices(String accessToken, String sessionReferenceNumber);
}
