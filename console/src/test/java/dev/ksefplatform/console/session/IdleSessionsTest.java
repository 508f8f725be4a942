package dev.ksefplatform.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

class IdleSessionsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));
    private final List<String> expired = new CopyOnWriteArrayList<>();
    private final IdleSessions sessions = new IdleSessions(TIMEOUT, Duration.ofMinutes(1),
            session -> Mono.fromRunnable(() -> expired.add(session.getId())), clock);

    @Test
    void aSessionIdleLongerThanTheTimeoutExpiresOnItsNextRequestAndIsReportedOnce() {
        WebSession session = started();
        clock.advance(TIMEOUT.plusSeconds(1));

        assertThat(sessions.retrieveSession(session.getId()).blockOptional()).isEmpty();
        assertThat(sessions.retrieveSession(session.getId()).blockOptional()).isEmpty();
        assertThat(expired).containsExactly(session.getId());
    }

    @Test
    void theSweepExpiresOnlyTheIdleSessions() {
        WebSession idle = started();
        clock.advance(TIMEOUT.minusMinutes(1));
        WebSession used = started();
        clock.advance(Duration.ofMinutes(2));

        assertThat(sessions.sweep().block()).isEqualTo(1);
        assertThat(sessions.sweep().block()).isZero();
        assertThat(expired).containsExactly(idle.getId());
        assertThat(sessions.retrieveSession(used.getId()).blockOptional()).isPresent();
    }

    @Test
    void aRequestWithinTheTimeoutKeepsTheSessionAlive() {
        WebSession session = started();
        clock.advance(TIMEOUT.minusMinutes(1));
        assertThat(sessions.retrieveSession(session.getId()).blockOptional()).isPresent();
        clock.advance(TIMEOUT.minusMinutes(1));

        assertThat(sessions.sweep().block()).isZero();
        assertThat(sessions.retrieveSession(session.getId()).blockOptional()).isPresent();
        assertThat(expired).isEmpty();
    }

    @Test
    void springsOwnExpiryComesAfterTheGraceSoNoSessionGoesUnreported() {
        WebSession session = started();

        assertThat(session.getMaxIdleTime()).isEqualTo(TIMEOUT.plusMinutes(1));
    }

    @Test
    void aFailingExpiryStillEndsTheSession() {
        IdleSessions failing = new IdleSessions(TIMEOUT, Duration.ofMinutes(1),
                session -> Mono.error(new IllegalStateException("command-api down")), clock);
        WebSession session = failing.createWebSession().block();
        session.start();
        session.save().block();
        clock.advance(TIMEOUT.plusSeconds(1));

        assertThat(failing.sweep().block()).isEqualTo(1);
        assertThat(failing.getSessions()).isEmpty();
    }

    private WebSession started() {
        WebSession session = sessions.createWebSession().block();
        session.start();
        session.save().block();
        return session;
    }
}
