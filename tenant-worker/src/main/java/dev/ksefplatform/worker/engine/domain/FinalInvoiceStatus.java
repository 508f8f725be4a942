package dev.ksefplatform.worker.engine.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What KSeF finally said about one invoice it received in a session. */
public record FinalInvoiceStatus(String sessionReferenceNumber, String invoiceReferenceNumber, String invoiceHash,
                                 int code, String description, List<String> details, Map<String, String> extensions,
                                 String ksefNumber, String invoiceNumber, Instant acquisitionDate,
                                 String upoDownloadUrl) {

    public static final int ACCEPTED = 200;
    public static final int DUPLICATE = 440;
    static final String ORIGINAL_KSEF_NUMBER = "originalKsefNumber";
    static final String ORIGINAL_SESSION = "originalSessionReferenceNumber";

    public FinalInvoiceStatus {
        details = details == null ? List.of() : List.copyOf(details);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public String originalKsefNumber() {
        return extensions.get(ORIGINAL_KSEF_NUMBER);
    }

    public String originalSessionReferenceNumber() {
        return extensions.get(ORIGINAL_SESSION);
    }

    public boolean isDuplicate() {
        return code == DUPLICATE && originalKsefNumber() != null;
    }
}
