package dev.ksefplatform.console.person;

import dev.ksefplatform.console.person.adapter.r2dbc.R2dbcPeople;
import dev.ksefplatform.console.person.application.FirstOperator;
import dev.ksefplatform.console.person.application.LockoutPolicy;
import dev.ksefplatform.console.person.application.LoginAttempts;
import dev.ksefplatform.console.person.application.People;
import dev.ksefplatform.console.person.application.PersonRegistration;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PersonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Spring Security's standard delegating encoder: bcrypt today, older hashes still readable after a change. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    People people(DatabaseClient db) {
        return new R2dbcPeople(db);
    }

    @Bean
    LoginAttempts loginAttempts(People people, LockoutPolicy policy, Clock clock) {
        return new LoginAttempts(people, policy, clock);
    }

    /** {@code console.first-operator.login} and {@code .password} (a secret): the operator registered at start if absent. */
    @Bean
    ApplicationRunner firstOperator(People people, PersonRegistration registration, Environment environment) {
        FirstOperator first = new FirstOperator(people, registration);
        String login = environment.getProperty("console.first-operator.login", "");
        String password = environment.getProperty("console.first-operator.password", "");
        return args -> {
            if (!login.isBlank()) {
                first.ensure(login, password).block(Duration.ofSeconds(60));
            }
        };
    }

    @Bean
    PersonRegistration personRegistration(People people, PasswordEncoder encoder, Clock clock) {
        return new PersonRegistration(people, encoder, clock);
    }
}
