package dev.ksefplatform.deploy;

import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;

/**
 * One application at a time through Spring Boot's logging initialisation: every application of the one JVM resets
 * the JVM's single logback context, and two resets at once race inside logback (a {@code ConcurrentModificationException}
 * in {@code LoggerContext.fireOnReset}, seen in CI). The rest of the start-up still runs in parallel.
 */
final class LoggingInitialisation implements SmartApplicationListener {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private final boolean enter;

    private LoggingInitialisation(boolean enter) {
        this.enter = enter;
    }

    /** The pair to add to an application: one runs just before Spring Boot's logging listener, one just after. */
    static LoggingInitialisation[] around() {
        return new LoggingInitialisation[] {new LoggingInitialisation(true), new LoggingInitialisation(false)};
    }

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent && enter) {
            LOCK.lock();
        } else if (!enter && LOCK.isHeldByCurrentThread()) {
            LOCK.unlock();
        }
    }

    @Override
    public int getOrder() {
        return enter ? LoggingApplicationListener.DEFAULT_ORDER - 1 : LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
