package dev.ksefplatform.console.person.application;

import dev.ksefplatform.console.person.domain.NewPerson;
import dev.ksefplatform.console.person.domain.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A deployment's way in: there is no sign-up page, so the console registers one operator from its configuration when
 * no person has that login. An existing person is left as it is (its password is never reset from configuration),
 * and an instance starting beside another that registered it first finds the login taken, which is the same outcome.
 */
public final class FirstOperator {

    private static final Logger log = LoggerFactory.getLogger(FirstOperator.class);

    private final People people;
    private final PersonRegistration registration;

    public FirstOperator(People people, PersonRegistration registration) {
        this.people = people;
        this.registration = registration;
    }

    public Mono<Void> ensure(String login, String password) {
        NewPerson operator = new NewPerson(login, password, Role.OPERATOR, null);
        return people.byLogin(login)
                .doOnNext(existing -> log.info("first operator exists login={}", login))
                .hasElement()
                .flatMap(exists -> exists ? Mono.<Void>empty() : registration.register(operator)
                        .doOnNext(id -> log.info("first operator registered login={} personId={}", login, id))
                        .onErrorResume(LoginTaken.class, taken -> Mono.empty())
                        .then());
    }
}
