package dev.ksefplatform.worker.upo.application;

import dev.ksefplatform.worker.engine.application.EventEncoder.Encoded;
import dev.ksefplatform.worker.upo.domain.UpoFetch;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code worker.upo_fetches}. Every write is one transaction that first checks this instance still owns the row's
 * partition (else it changes nothing), and writes its event to the outbox in the same transaction.
 */
public interface UpoStore {

    /** Pending rows of the given partitions due now, oldest first. */
    List<UpoFetch> due(Collection<Integer> partitions, int limit, Instant now);

    /** The XML as sent, kept until its {@code SentInvoiceStored} is written; null when none was kept. */
    byte[] sentXml(String commandId);

    /** {@link #sentXml(String)} of several rows in one read: command id → XML, rows without a copy left out. */
    Map<String, byte[]> sentXml(Collection<String> commandIds);

    /** {@link #documentStored} of several rows in one transaction (one ownership check per partition). */
    void documentsStored(List<Published> rows, String owner);

    /** The UPOs' events are in the outbox: the rows are done, in one transaction (one ownership check per partition). */
    void uposStored(List<Published> rows, String owner);

    /** The XML's event is in the outbox: the row drops the XML. */
    void documentStored(UpoFetch fetch, Encoded event, String owner);

    /** Not now: try again at {@code notBefore}; {@code upoUrl} is the link to try then (null: ask KSeF for a new one). */
    void later(UpoFetch fetch, Instant notBefore, String upoUrl, String error, String owner);

    /** Given up: the row ends {@code LOST} with its last error and is never tried again. */
    void lost(UpoFetch fetch, String error, String owner);

    /** Links and invoice references KSeF listed for a session's invoices, by invoice hash. */
    void listed(String sessionRef, Map<String, Listed> byInvoiceHash);

    record Listed(String invoiceRef, String upoUrl) {
    }

    /** A row and the event its write publishes ({@code event} null: nothing to publish, e.g. no XML was kept). */
    record Published(UpoFetch fetch, Encoded event) {
    }
}
