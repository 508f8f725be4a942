package dev.ksefplatform.schemas.logging;

import java.util.Map;
import org.slf4j.MDC;

/**
 * The ids a log line of a regulated action carries, as the SLF4J MDC keys every service uses (CONTRACTS §7 "Logs";
 * beside {@code topic.MessageHeaders}, as both are conventions between the services), and a scope that sets them.
 * Closing puts back what the thread had before rather than removing the keys ({@code MDC.putCloseable} would):
 * scopes nest, a command's inside its lane's. Reactive services open one around each logging call, as a request
 * hops threads. Ids only: never a token, key or document.
 */
public final class LogScope implements AutoCloseable {

    public static final String TENANT = "tenant.id";
    public static final String INTEGRATION = "integration.id";
    public static final String COMMAND = "command.id";
    public static final String CORRELATION = "correlation.id";
    public static final String KSEF_CONTEXT = "ksef.context";
    /** A projector's record: the event's id. */
    public static final String EVENT = "event.id";

    private final Map<String, String> previous = MDC.getCopyOfContextMap();

    private LogScope() {
    }

    /** A scope that, closed, restores the thread's ids as they are now. */
    public static LogScope open() {
        return new LogScope();
    }

    /** Sets {@code key} until the scope closes; a null value is left out. */
    public LogScope with(String key, Object value) {
        if (value != null) {
            MDC.put(key, value.toString());
        }
        return this;
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
