package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.FinalInvoiceStatus;
import dev.ksefplatform.worker.engine.domain.InvoiceForm;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The KSeF calls the lanes make, one request each (no retries, no waiting inside): the lane decides when to call and
 * passes the budget first. Failures are {@link KsefFailure}s.
 */
public interface Ksef {

    OnlineSession openOnline(LaneKey lane, AccessToken token, InvoiceForm form);

    /** The KSeF invoice reference number. */
    String send(OnlineSession session, AccessToken token, byte[] xml, boolean offlineMode);

    void closeOnline(LaneKey lane, AccessToken token, String sessionReferenceNumber);

    /** The final status, or empty while KSeF still processes the invoice (100/150). */
    Optional<FinalInvoiceStatus> invoiceStatus(LaneKey lane, AccessToken token, String sessionRef, String invoiceRef);

    /** One page of a session's invoices (all of them, or only the failed ones); {@code continuation} null for the first. */
    SessionPage sessionInvoices(LaneKey lane, AccessToken token, String sessionRef, boolean failedOnly,
                                String continuation);

    SessionState sessionState(LaneKey lane, AccessToken token, String sessionRef);

    /** Zips, splits and encrypts on disk; nothing is sent yet. */
    Batch prepareBatch(LaneKey lane, InvoiceForm form, Iterable<BatchEntry> entries);

    /** The entries of one page of a session UPO (pre-signed link, not rate-limited), its hash checked. */
    Upo sessionUpo(LaneKey lane, String downloadUrl);

    /** Reads {@code GET /rate-limits} for the context into the budget. */
    void seedBudget(LaneKey lane, AccessToken token);

    /** An online session whose symmetric key lives in this process only. */
    interface OnlineSession {
        String referenceNumber();

        Instant validUntil();
    }

    /** One invoice of a batch: its ZIP entry name and where its XML is read from. */
    record BatchEntry(String fileName, XmlSource xml) {
    }

    @FunctionalInterface
    interface XmlSource {
        InputStream open();
    }

    /** A prepared batch, sent in steps so the session is recorded before KSeF may process it. */
    interface Batch extends AutoCloseable {
        String open(LaneKey lane, AccessToken token);

        void upload();

        void close(LaneKey lane, AccessToken token);

        @Override
        void close();
    }

    /** An invoice as a session lists it: its final status, or null while KSeF processes it. */
    record SessionInvoice(String invoiceRef, String invoiceHash, String fileName, FinalInvoiceStatus status) {
    }

    record SessionPage(List<SessionInvoice> invoices, String continuation) {
    }

    /** {@code code} 100 open, 150 processing, 170 closed online, 200 processed, others failed as a whole. */
    record SessionState(int code, String description, int failedInvoices, List<String> upoPageUrls) {

        public boolean processing() {
            return code == 100 || code == 150 || code == 170;
        }
    }

    /** A session UPO page: the KSeF number, date and invoice number of each accepted document, by its SHA-256. */
    record Upo(byte[] xml, List<UpoEntry> entries) {
    }

    record UpoEntry(String ksefNumber, String invoiceNumber, String invoiceHash, Instant acquiredAt) {
    }
}
