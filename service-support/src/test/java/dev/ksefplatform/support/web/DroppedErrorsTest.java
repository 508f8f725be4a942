package dev.ksefplatform.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.handler.timeout.ReadTimeoutException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

class DroppedErrorsTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(DroppedErrors.class),
            (Logger) LoggerFactory.getLogger(Operators.class));

    @BeforeEach
    void listen() {
        logged.start();
        loggers.forEach(l -> {
            l.addAppender(logged);
            l.setLevel(Level.DEBUG);
        });
        DroppedErrors.install();
        DroppedErrors.install();
    }

    @AfterEach
    void stopListening() {
        loggers.forEach(l -> {
            l.detachAppender(logged);
            l.setLevel(null);
        });
    }

    @Test
    void aTimedOutBodyOrAClientErrorDroppedAfterTheAnswerIsLoggedOnceAtDebug() {
        Operators.onErrorDropped(ReadTimeoutException.INSTANCE, Context.empty());
        Operators.onErrorDropped(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "too large"), Context.empty());

        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG, Level.DEBUG);
    }

    @Test
    void anyOtherDroppedErrorIsLoggedOnceAtErrorWithItsStackTrace() {
        Operators.onErrorDropped(new IllegalStateException("lost"), Context.empty());
        Operators.onErrorDropped(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE), Context.empty());

        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.ERROR);
        assertThat(logged.list.get(0).getThrowableProxy().getMessage()).isEqualTo("lost");
    }
}
