package dev.ksefplatform.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Everything logged through Logback while attached, rendered as text (message, arguments, throwables). */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** One logged event: who logged it on which thread, the message, and the MDC it carried (empty if none). */
    public record Entry(String logger, String thread, String level, String message, Map<String, String> mdc) {
    }

    public static CapturedLogs attach() {
        CapturedLogs logs = new CapturedLogs();
        logs.setName("captured-logs");
        logs.start();
        root().addAppender(logs);
        return logs;
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        if (event.getMDCPropertyMap() != null) {
            text.append(' ').append(event.getMDCPropertyMap());
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                text.append(' ').append(frame.getSTEAsString());
            }
        }
        lines.add(text.toString());
        Map<String, String> mdc = event.getMDCPropertyMap() == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(event.getMDCPropertyMap()));
        entries.add(new Entry(event.getLoggerName(), event.getThreadName(), event.getLevel().toString(),
                event.getFormattedMessage(), mdc));
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Waits up to {@code atMost} for an entry that matches (logged before or meanwhile); whether one came. */
    public boolean await(Predicate<Entry> match, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (entries.stream().noneMatch(match)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
