package dev.ksefplatform.support.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The ids a projector's line about one record carries (SLF4J MDC, CONTRACTS §logs): {@code tenant.id},
 * {@code event.id}, and where the event names them {@code integration.id} and {@code correlation.id} (the command's
 * correlation id). A projector applies a poll batch of many tenants in one transaction, so the ids are set around
 * each per-record logging call and restored after, never held for a batch. Ids only: never a secret.
 */
public final class LogIds implements AutoCloseable {

    public static final String TENANT = "tenant.id";
    public static final String INTEGRATION = "integration.id";
    public static final String CORRELATION = "correlation.id";
    public static final String EVENT = "event.id";

    private final Map<String, String> previous = MDC.getCopyOfContextMap();

    private LogIds(Map<String, String> ids) {
        ids.forEach((key, value) -> {
            if (value != null) {
                MDC.put(key, value);
            }
        });
    }

    /** Logs {@code line} with the record's ids in the MDC; a null id is left out. */
    public static void log(String tenantId, String eventId, String integrationId, String correlationId, Runnable line) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(TENANT, tenantId);
        ids.put(EVENT, eventId);
        ids.put(INTEGRATION, integrationId);
        ids.put(CORRELATION, correlationId);
        try (LogIds scope = new LogIds(ids)) {
            line.run();
        }
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
    }
}
