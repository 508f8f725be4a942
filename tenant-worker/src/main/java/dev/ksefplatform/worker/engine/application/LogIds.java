package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.schemas.logging.LogScope;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;

/**
 * The ids every log line of a regulated action carries ({@link LogScope}), from where the work for one command,
 * lane, sync or check begins until it ends; a command's scope runs nested inside its lane's.
 */
public final class LogIds {

    private LogIds() {
    }

    /** Work for {@code cause} in {@code lane}; the integration when known (else it is added on the lease). */
    public static LogScope enter(LaneKey lane, CommandRef cause, String integrationId) {
        return LogScope.open().with(LogScope.TENANT, cause.tenantId()).with(LogScope.COMMAND, cause.commandId())
                .with(LogScope.CORRELATION, cause.correlationId())
                .with(LogScope.KSEF_CONTEXT, lane == null ? null : lane.budgetContext())
                .with(LogScope.INTEGRATION, integrationId);
    }

    /** The integration account whose credential the work now uses. */
    static void leased(String integrationId) {
        if (integrationId != null) {
            org.slf4j.MDC.put(LogScope.INTEGRATION, integrationId);
        }
    }
}
