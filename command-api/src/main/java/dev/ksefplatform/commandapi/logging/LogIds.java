package dev.ksefplatform.commandapi.logging;

import java.util.Map;
import org.slf4j.MDC;

/**
 * The ids a log line of a tenant's request carries (SLF4J MDC, CONTRACTS §logs): tenant, command and correlation id
 * (a command's correlation id is its own id here: command-api starts the chain). The integration account is chosen
 * later, by the worker's lease, so it is not known here. WebFlux runs one request on whichever thread an operator
 * lands on and Micrometer's context-propagation is not on the classpath, so the ids are set around each of the
 * platform's logging calls and restored after, instead of being held by a thread. Ids only: never a key or token.
 */
public final class LogIds implements AutoCloseable {

    public static final String TENANT = "tenant.id";
    public static final String COMMAND = "command.id";
    public static final String CORRELATION = "correlation.id";

    private final Map<String, String> previous = MDC.getCopyOfContextMap();

    private LogIds(String tenantId, String commandId) {
        put(TENANT, tenantId);
        put(COMMAND, commandId);
        put(CORRELATION, commandId);
    }

    /** Logs {@code line} with the tenant's and the command's ids in the MDC; a null id is left out. */
    public static void log(String tenantId, String commandId, Runnable line) {
        try (LogIds ids = new LogIds(tenantId, commandId)) {
            line.run();
        }
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
