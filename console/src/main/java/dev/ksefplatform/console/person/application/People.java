package dev.ksefplatform.console.person.application;

import dev.ksefplatform.console.person.domain.Person;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where people are kept. */
public interface People {

    Mono<Person> byLogin(String login);

    /** Stores a new person; fails with {@link LoginTaken} when the login is someone's. */
    Mono<Void> add(Person person, Instant createdAt);

    /**
     * Counts a failed login of an unlocked person; the {@code maxFailures}-th locks it until {@code lockUntil} and
     * starts the count again. Nothing for an unknown or locked login.
     */
    Mono<Void> recordFailure(String login, Instant now, int maxFailures, Instant lockUntil);

    Mono<Void> recordSuccess(String login);
}
