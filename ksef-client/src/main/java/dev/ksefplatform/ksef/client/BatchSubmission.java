package dev.ksefplatform.ksef.client;

import java.util.Map;

/**
 * A batch that was uploaded and closed: KSeF now processes it. {@code invoiceHashes} maps each ZIP entry name to the
 * Base64 SHA-256 of its XML, the key by which {@code sessionInvoices()} results are matched back to the files.
 */
public record BatchSubmission(String referenceNumber, long archiveSize, String archiveHash, int partCount,
                              Map<String, String> invoiceHashes) {

    public BatchSubmission {
        invoiceHashes = Map.copyOf(invoiceHashes);
    }
}
