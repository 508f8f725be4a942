package dev.ksefplatform.support.web;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Hooks;

/**
 * What Reactor does with an error signalled after its subscriber is gone. By default it logs every one at ERROR
 * ("Operator called default onErrorDropped"); but a request body that timed out is signalled again when Reactor Netty
 * disposes of the connection, and a refusal (4xx) that already answered may be signalled by a second reader of the
 * same body: one or two ERROR lines for every slow or refused client, which an alert on ERROR would page someone for.
 * Those go to DEBUG; every other dropped error is logged at ERROR, with its stack trace, as before.
 */
public final class DroppedErrors {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private DroppedErrors() {
    }

    /** Once per JVM: Reactor's hook is global and cumulative (the local launcher runs every service in one JVM). */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Hooks.onErrorDropped(DroppedErrors::dropped);
        }
    }

    static void dropped(Throwable e) {
        if (answeredAlready(e)) {
            log.debug("error after the exchange had ended, dropped: {}", e.toString());
        } else {
            log.error("Operator called default onErrorDropped", e);
        }
    }

    /** Netty's read timeout, Reactor Netty's request timeout (not public, hence by name), a client error. */
    static boolean answeredAlready(Throwable e) {
        String type = e.getClass().getName();
        return type.equals("io.netty.handler.timeout.ReadTimeoutException")
                || type.equals("reactor.netty.http.server.RequestTimeoutException")
                || e instanceof ResponseStatusException refused && refused.getStatusCode().is4xxClientError();
    }
}
