package dev.ksefplatform.worker.submission.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What KSeF finally said about one invoice it received in a session. */
public record FinalInvoiceStatus(String sessionReferenceNumber, String invoiceReferenceNumber, String invoiceHash,
                                 int code, String description, List<String> details, Map<String, String> extensions,
                                 String ksefNumber, String invoiceNumber, Instant acquisitionDate,
                                 String upoDownloadUrl) {

    public FinalInvoiceStatus {
        details = details == null ? List.of() : List.copyOf(details);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }
}
