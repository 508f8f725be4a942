package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The ids every log line of a regulated action carries (SLF4J MDC, CONTRACTS §logs), from where the work for one
 * command, lane, sync or check begins until it ends. Closing restores what the thread had before rather than removing
 * the keys ({@code MDC.putCloseable} would), because a command's scope runs nested inside its lane's. Ids only: never
 * a token, key or document.
 */
public final class LogIds implements AutoCloseable {

    public static final String TENANT = "tenant.id";
    public static final String INTEGRATION = "integration.id";
    public static final String COMMAND = "command.id";
    public static final String CORRELATION = "correlation.id";
    public static final String KSEF_CONTEXT = "ksef.context";

    private final Map<String, String> previous = MDC.getCopyOfContextMap();

    private LogIds() {
    }

    /** Work for {@code cause} in {@code lane}; the integration when known (else it is added on the lease). */
    public static LogIds enter(LaneKey lane, CommandRef cause, String integrationId) {
        LogIds scope = new LogIds();
        MDC.put(TENANT, cause.tenantId());
        MDC.put(COMMAND, cause.commandId());
        MDC.put(CORRELATION, cause.correlationId());
        if (lane != null) {
            MDC.put(KSEF_CONTEXT, lane.budgetContext());
        }
        leased(integrationId);
        return scope;
    }

    /** The integration account whose credential the work now uses. */
    static void leased(String integrationId) {
        if (integrationId != null) {
            MDC.put(INTEGRATION, integrationId);
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
