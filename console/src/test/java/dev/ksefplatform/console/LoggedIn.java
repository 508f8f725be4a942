package dev.ksefplatform.console;

import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.NewPerson;
import dev.ksefplatform.console.person.domain.Role;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A page test's person: registered in the console's own database with a fresh login and logged in through the login
 * form. {@code tenantId} null for an operator.
 */
record LoggedIn(ConsoleSession session, String login, String personId) {

    static final String PASSWORD = "correct horse battery";

    static LoggedIn as(Role role, String tenantId, WebTestClient client, PersonRegistration registration) {
        String login = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        String personId = registration.register(new NewPerson(login, PASSWORD, role, tenantId))
                .block(Duration.ofSeconds(10));
        ConsoleSession session = new ConsoleSession(client.mutate().responseTimeout(Duration.ofSeconds(30)).build());
        session.logIn(login, PASSWORD);
        return new LoggedIn(session, login, personId);
    }

    /** For a {@code @DynamicPropertySource}: the console's PostgreSQL and the command-api (stand-in) it calls. */
    static void infrastructure(DynamicPropertyRegistry registry, Supplier<Object> commandApiUrl) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("ksef.services.command-api.url", commandApiUrl);
    }
}
