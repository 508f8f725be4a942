package dev.ksefplatform.ksef.client;

import java.time.Duration;

/** Interactive (online) sessions and their statuses. */
public interface KsefOnlineSessions {

    /** Opens a session with a fresh AES-256 key and IV, the key wrapped with the SymmetricKeyEncryption key. */
    OnlineSession open(String accessToken, FormCode formCode);

    InvoiceStatus invoiceStatus(String accessToken, String sessionReferenceNumber, String invoiceReferenceNumber);

    /** Polls with backoff while the status is 100 or 150; returns the last status seen when the timeout passes. */
    InvoiceStatus awaitInvoiceStatus(String accessToken, String sessionReferenceNumber, String invoiceReferenceNumber,
                                     Duration timeout);

    SessionStatus sessionStatus(String accessToken, String sessionReferenceNumber);

    /** {@code POST /sessions/online/{ref}/close} for a session known only by its reference number. */
    void close(String accessToken, String sessionReferenceNumber);
}
