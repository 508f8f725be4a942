package dev.ksefplatform.commandapi.logging;

import dev.ksefplatform.schemas.logging.LogScope;

/**
 * The ids a log line of a tenant's request carries ({@link LogScope}): tenant, command and correlation id (a
 * command's correlation id is its own id here: command-api starts the chain). The integration account is chosen
 * later, by the worker's lease, so it is not known here. WebFlux runs one request on whichever thread an operator
 * lands on and Micrometer's context-propagation is not on the classpath, so the ids are set around each of the
 * platform's logging calls and restored after, instead of being held by a thread.
 */
public final class LogIds {

    private LogIds() {
    }

    /** Logs {@code line} with the tenant's and the command's ids in the MDC; a null id is left out. */
    public static void log(String tenantId, String commandId, Runnable line) {
        try (LogScope ids = LogScope.open().with(LogScope.TENANT, tenantId).with(LogScope.COMMAND, commandId)
                .with(LogScope.CORRELATION, commandId)) {
            line.run();
        }
    }
}
