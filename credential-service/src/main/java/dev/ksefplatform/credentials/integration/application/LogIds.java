package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.schemas.logging.LogScope;

/**
 * The ids a log line of a regulated action carries ({@link LogScope}): tenant, integration account, and the command
 * and correlation ids of the caller's work when it names them ({@code X-Causation-Id}, {@code X-Correlation-Id}).
 * The service is reactive: one request's work hops threads, so the ids are set around each logging call instead of
 * being held by a thread for the request, and restored afterwards.
 */
public final class LogIds {

    private LogIds() {
    }

    /** Logs {@code line} with these ids in the MDC; null ids are left out. */
    public static void log(String tenantId, Object integrationId, Cause cause, Runnable line) {
        log(tenantId, integrationId, cause, null, line);
    }

    /** As {@link #log(String, Object, Cause, Runnable)}, with the KSeF context ({@code TEST/5260001246}). */
    public static void log(String tenantId, Object integrationId, Cause cause, String environment, String nip,
                           Runnable line) {
        log(tenantId, integrationId, cause, environment + "/" + nip, line);
    }

    private static void log(String tenantId, Object integrationId, Cause cause, String context, Runnable line) {
        try (LogScope ids = LogScope.open().with(LogScope.TENANT, tenantId).with(LogScope.INTEGRATION, integrationId)
                .with(LogScope.COMMAND, cause == null ? null : cause.causationId())
                .with(LogScope.CORRELATION, cause == null ? null : cause.correlationId())
                .with(LogScope.KSEF_CONTEXT, context)) {
            line.run();
        }
    }
}
