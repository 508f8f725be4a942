package dev.ksefplatform.console.login;

import dev.ksefplatform.console.person.application.LoginAttempts;
import dev.ksefplatform.console.person.application.People;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

    @Bean
    ReactiveAuthenticationManager authenticationManager(People people, PasswordEncoder encoder, Clock clock) {
        var manager = new UserDetailsRepositoryReactiveAuthenticationManager(new PersonDetailsService(people, clock));
        manager.setPasswordEncoder(encoder);
        return manager;
    }

    @Bean
    LoginOutcomes loginOutcomes(LoginAttempts attempts) {
        return new LoginOutcomes(attempts);
    }
}
