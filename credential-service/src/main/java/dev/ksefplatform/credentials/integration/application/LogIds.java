package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.Cause;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The ids a log line of a regulated action carries (SLF4J MDC, CONTRACTS §logs): tenant, integration account, and the
 * command and correlation ids of the caller's work when it names them ({@code X-Causation-Id}, {@code X-Correlation-Id}).
 * The service is reactive: one request's work hops threads, so the ids are set around each logging call instead of
 * being held by a thread for the request, and restored afterwards. Ids only: never a token, key or secret.
 */
public final class LogIds implements AutoCloseable {

    public static final String TENANT = "tenant.id";
    public static final String INTEGRATION = "integration.id";
    public static final String COMMAND = "command.id";
    public static final String CORRELATION = "correlation.id";
    public static final String KSEF_CONTEXT = "ksef.context";

    private final Map<String, String> previous = MDC.getCopyOfContextMap();

    private LogIds(String tenantId, String integrationId, Cause cause) {
        put(TENANT, tenantId);
        put(INTEGRATION, integrationId);
        if (cause != null) {
            put(COMMAND, cause.causationId());
            put(CORRELATION, cause.correlationId());
        }
    }

    /** Logs {@code line} with these ids in the MDC; null ids are left out. */
    public static void log(String tenantId, Object integrationId, Cause cause, Runnable line) {
        try (LogIds ids = new LogIds(tenantId, integrationId == null ? null : integrationId.toString(), cause)) {
            line.run();
        }
    }

    /** As {@link #log(String, Object, Cause, Runnable)}, with the KSeF context ({@code TEST/5260001246}). */
    public static void log(String tenantId, Object integrationId, Cause cause, String environment, String nip,
                           Runnable line) {
        log(tenantId, integrationId, cause, () -> {
            put(KSEF_CONTEXT, environment + "/" + nip);
            line.run();
        });
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
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
