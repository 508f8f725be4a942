package dev.ksefplatform.ksef.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The processing status of one invoice in a session. */
public record InvoiceStatus(int code, String description, List<String> details, Map<String, String> extensions,
                            String ksefNumber, String invoiceNumber, Instant acquisitionDate, String upoDownloadUrl) {

    public static final int ACCEPTED = 100;
    public static final int PROCESSING = 150;
    public static final int SUCCESS = 200;
    public static final int DUPLICATE = 440;

    public InvoiceStatus {
        details = details == null ? List.of() : List.copyOf(details);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public boolean isFinal() {
        return code != ACCEPTED && code != PROCESSING;
    }
}
