package dev.ksefplatform.ksef.client;

import dev.ksefplatform.ksef.client.crypto.SessionKey;
import java.util.Objects;

/** A started export: its reference number and the AES key KSeF encrypts the package with (memory only, never printed). */
public final class InvoiceExport {

    private final String referenceNumber;
    private final SessionKey key;

    public InvoiceExport(String referenceNumber, SessionKey key) {
        this.referenceNumber = Objects.requireNonNull(referenceNumber, "referenceNumber");
        this.key = Objects.requireNonNull(key, "key");
    }

    public String referenceNumber() {
        return referenceNumber;
    }

    /** For the client's own decryption of the package parts. */
    public SessionKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "InvoiceExport[" + referenceNumber + "]";
    }
}
