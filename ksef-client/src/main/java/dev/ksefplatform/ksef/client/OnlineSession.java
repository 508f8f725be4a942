package dev.ksefplatform.ksef.client;

import java.time.Instant;

/** An open online session holding its own symmetric key; thread-safe. */
public interface OnlineSession extends AutoCloseable {

    String referenceNumber();

    Instant validUntil();

    SentInvoice send(byte[] invoiceXml);

    SentInvoice send(byte[] invoiceXml, boolean offlineMode);

    /** Sends with {@code accessToken} (any valid token of the session's context), e.g. one refreshed since opening. */
    SentInvoice send(String accessToken, byte[] invoiceXml, boolean offlineMode);

    /** Closes with {@code accessToken}; calling it again does nothing. */
    void close(String accessToken);

    /** {@code POST /sessions/online/{ref}/close}; calling it again does nothing. */
    @Override
    void close();
}
