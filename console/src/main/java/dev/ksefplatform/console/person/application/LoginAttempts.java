package dev.ksefplatform.console.person.application;

import java.time.Clock;
import reactor.core.publisher.Mono;

/** Records the outcome of each login, locking a person out after repeated failures ({@link LockoutPolicy}). */
public final class LoginAttempts {

    private final People people;
    private final LockoutPolicy policy;
    private final Clock clock;

    public LoginAttempts(People people, LockoutPolicy policy, Clock clock) {
        this.people = people;
        this.policy = policy;
        this.clock = clock;
    }

    public Mono<Void> failed(String login) {
        var now = clock.instant();
        return login == null ? Mono.empty() : people.recordFailure(login, now, policy.maxFailures(), now.plus(policy.duration()));
    }

    public Mono<Void> succeeded(String login) {
        return people.recordSuccess(login);
    }
}
