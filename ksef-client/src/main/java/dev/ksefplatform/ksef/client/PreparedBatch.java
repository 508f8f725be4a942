package dev.ksefplatform.ksef.client;

import java.util.Map;

/**
 * A batch archive zipped, split and encrypted on disk, sent in steps so that a caller can record the session's
 * reference number before anything is uploaded or closed: {@link #open}, {@link #upload}, {@link #close(String)}.
 * KSeF processes a batch only once it is closed. {@link #close()} deletes the temporary files.
 */
public interface PreparedBatch extends AutoCloseable {

    /** ZIP entry name → Base64 SHA-256 of its XML, the key by which KSeF's lists and UPOs are matched back. */
    Map<String, String> invoiceHashes();

    int partCount();

    /** {@code POST /sessions/batch}; returns the session reference number. */
    String open(String accessToken);

    /** Uploads every part to its pre-signed URL (no token). */
    void upload();

    /** {@code POST /sessions/batch/{ref}/close}: KSeF starts processing. */
    void close(String accessToken);

    /** Deletes the archive and parts. */
    @Override
    void close();
}
