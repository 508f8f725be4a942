package dev.ksefplatform.ksef.client;

import java.time.Instant;

/** An open online session holding its own symmetric key; thread-safe. */
public interface OnlineSession extends AutoCloseable {

    String referenceNumber();

    Instant validUntil();

    SentInvoice send(byte[] invoiceXml);

    SentInvoice send(byte[] invoiceXml, boolean offlineMode);

    /** {@code POST /sessions/online/{ref}/close}; calling it again does nothing. */
    @Override
    void close();
}
