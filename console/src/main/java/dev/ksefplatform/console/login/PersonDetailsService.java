package dev.ksefplatform.console.login;

import dev.ksefplatform.console.person.application.People;
import java.time.Clock;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import reactor.core.publisher.Mono;

/** Spring Security's view of {@link People}: a locked person is refused before its password is checked. */
final class PersonDetailsService implements ReactiveUserDetailsService {

    private final People people;
    private final Clock clock;

    PersonDetailsService(People people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    @Override
    public Mono<UserDetails> findByUsername(String login) {
        return people.byLogin(login).map(person -> new ConsoleUser(person, person.lockedAt(clock.instant())));
    }
}
