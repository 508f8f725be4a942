package dev.ksefplatform.console.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The in-memory session store, told when a session expires. Spring's store drops an expired session silently, so this
 * one decides expiry itself: a session idle for {@code timeout} is expired here, on its next request or by
 * {@link #sweep()}, whichever comes first, and {@link SessionExpiry} sees it before it is invalidated. Spring's own
 * expiry is set {@code grace} later, so it never removes a session this store has not seen expire.
 */
public class IdleSessions extends InMemoryWebSessionStore {

    private final Duration timeout;
    private final Duration grace;
    private final SessionExpiry expiry;
    private final Clock clock;
    /** Sessions being expired: a request and the sweep may both find one, and it expires once. */
    private final Set<String> expiring = ConcurrentHashMap.newKeySet();

    public IdleSessions(Duration timeout, Duration grace, SessionExpiry expiry, Clock clock) {
        this.timeout = timeout;
        this.grace = grace;
        this.expiry = expiry;
        this.clock = clock;
        setClock(clock);
    }

    @Override
    public Mono<WebSession> createWebSession() {
        return super.createWebSession().doOnNext(session -> session.setMaxIdleTime(timeout.plus(grace)));
    }

    @Override
    public Mono<WebSession> retrieveSession(String id) {
        WebSession session = getSessions().get(id);
        if (session != null && idleTooLong(session)) {
            return expire(session).then(Mono.empty());
        }
        return super.retrieveSession(id);
    }

    /** Expires every session idle longer than the timeout; returns how many. */
    public Mono<Long> sweep() {
        List<WebSession> idle = getSessions().values().stream().filter(this::idleTooLong).toList();
        return Flux.fromIterable(idle).concatMap(session -> expire(session).thenReturn(session)).count();
    }

    private boolean idleTooLong(WebSession session) {
        return session.getLastAccessTime().plus(timeout).isBefore(clock.instant());
    }

    private Mono<Void> expire(WebSession session) {
        if (!expiring.add(session.getId())) {
            return Mono.empty();
        }
        // the session goes whatever the expiry's outcome: SessionExpiry reports its own failures
        return expiry.expired(session).onErrorResume(e -> Mono.empty()).then(session.invalidate())
                .doFinally(signal -> expiring.remove(session.getId()));
    }
}
