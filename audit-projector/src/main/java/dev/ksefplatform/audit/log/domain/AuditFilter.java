package dev.ksefplatform.audit.log.domain;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Which audit rows to list; every field is optional. {@code from} is inclusive and {@code to} exclusive on the time
 * the event happened; {@code contextNip} is the taxpayer NIP the call was made for.
 */
public record AuditFilter(Instant from, Instant to, String operation, String contextNip, String integrationId,
                          StatusClass statusClass, String eventType) {

    public static final int MAX_TEXT = 128;
    private static final Pattern NIP = Pattern.compile("\\d{10}");

    /** @throws IllegalArgumentException for an empty time range, a malformed NIP or an overlong text */
    public AuditFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (contextNip != null && !NIP.matcher(contextNip).matches()) {
            throw new IllegalArgumentException("contextNip must be 10 digits");
        }
        bounded("operation", operation);
        bounded("integrationId", integrationId);
        bounded("eventType", eventType);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    private static void bounded(String name, String value) {
        if (value != null && (value.isEmpty() || value.length() > MAX_TEXT)) {
            throw new IllegalArgumentException(name + " must be 1 to " + MAX_TEXT + " characters");
        }
    }
}
