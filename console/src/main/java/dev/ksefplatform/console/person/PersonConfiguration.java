package dev.ksefplatform.console.person;

import dev.ksefplatform.console.person.adapter.r2dbc.R2dbcPeople;
import dev.ksefplatform.console.person.application.LockoutPolicy;
import dev.ksefplatform.console.person.application.LoginAttempts;
import dev.ksefplatform.console.person.application.People;
import dev.ksefplatform.console.person.application.PersonRegistration;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Bean
    PersonRegistration personRegistration(People people, PasswordEncoder encoder, Clock clock) {
        return new PersonRegistration(people, encoder, clock);
    }
}
