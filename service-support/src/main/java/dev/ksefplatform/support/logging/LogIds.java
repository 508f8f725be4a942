package dev.ksefplatform.support.logging;

import dev.ksefplatform.schemas.logging.LogScope;

/**
 * The ids a projector's line about one record carries ({@link LogScope}): {@code tenant.id}, {@code event.id}, and
 * where the event names them {@code integration.id} and {@code correlation.id} (the command's correlation id). A
 * projector applies a poll batch of many tenants in one transaction, so the ids are set around each per-record
 * logging call and restored after, never held for a batch.
 */
public final class LogIds {

    private LogIds() {
    }

    /** Logs {@code line} with the record's ids in the MDC; a null id is left out. */
    public static void log(String tenantId, String eventId, String integrationId, String correlationId, Runnable line) {
        try (LogScope ids = LogScope.open().with(LogScope.TENANT, tenantId).with(LogScope.EVENT, eventId)
                .with(LogScope.INTEGRATION, integrationId).with(LogScope.CORRELATION, correlationId)) {
            line.run();
        }
    }
}
