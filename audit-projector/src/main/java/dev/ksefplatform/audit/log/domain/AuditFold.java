package dev.ksefplatform.audit.log.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds events into the audit log: exactly one row per event id, written once and never changed. Within a batch
 * the first delivery of an id wins; against earlier batches the log's unique event id keeps the row it holds.
 */
public final class AuditFold {

    /** Error texts come from remote systems; a bound keeps one event from bloating the log. */
    public static final int MAX_ERROR_LENGTH = 2000;

    private AuditFold() {
    }

    /** The rows to append for a batch of events, in log order. */
    public static List<AuditEntry> fold(List<AuditedEvent> events, Instant recordedAt) {
        Map<String, AuditEntry> rows = new LinkedHashMap<>();
        for (AuditedEvent event : events) {
            rows.putIfAbsent(event.eventId(), new AuditEntry(bounded(event), recordedAt));
        }
        return List.copyOf(rows.values());
    }

    private static AuditedEvent bounded(AuditedEvent e) {
        if (e.error() == null || e.error().length() <= MAX_ERROR_LENGTH) {
            return e;
        }
        return e.withError(e.error().substring(0, MAX_ERROR_LENGTH));
    }
}
