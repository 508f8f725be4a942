package dev.ksefplatform.console.person.application;

import dev.ksefplatform.console.person.domain.NewPerson;
import dev.ksefplatform.console.person.domain.Person;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Registers people, keeping only their password's hash. */
public final class PersonRegistration {

    private final People people;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public PersonRegistration(People people, PasswordEncoder encoder, Clock clock) {
        this.people = people;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** The new person's id. */
    public Mono<String> register(NewPerson person) {
        String id = UUID.randomUUID().toString();
        return Mono.fromCallable(() -> encoder.encode(person.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(hash -> new Person(id, person.login(), hash, person.role(), person.tenantId(), null))
                .flatMap(stored -> people.add(stored, clock.instant()))
                .thenReturn(id);
    }
}
