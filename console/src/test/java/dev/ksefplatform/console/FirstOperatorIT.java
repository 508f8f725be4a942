package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.person.application.FirstOperator;
import dev.ksefplatform.console.person.application.People;
import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.Person;
import dev.ksefplatform.console.person.domain.Role;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A deployment's first operator, registered at start from configuration, with a real PostgreSQL and real HTTP. */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ConsoleApplication.CONFIG_NAME)
class FirstOperatorIT {

    private static final String LOGIN = "first-operator-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = "a first operator's passphrase";

    @Autowired
    private WebTestClient client;

    @Autowired
    private People people;

    @Autowired
    private PersonRegistration registration;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("ksef.services.command-api.url", () -> "http://localhost:9"); // never reached here
        registry.add("console.first-operator.login", () -> LOGIN);
        registry.add("console.first-operator.password", () -> PASSWORD);
    }

    @Test
    void theConfiguredOperatorLogsInAfterStart() {
        Person person = people.byLogin(LOGIN).block(Duration.ofSeconds(10));

        assertThat(person).isNotNull();
        assertThat(person.role()).isEqualTo(Role.OPERATOR);
        assertThat(person.passwordHash()).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(session().logIn(LOGIN, PASSWORD).getResponseHeaders().getLocation()).hasPath("/");
    }

    @Test
    void aRestartWithAnotherPasswordLeavesTheExistingOperatorAsItIs() {
        String before = people.byLogin(LOGIN).block(Duration.ofSeconds(10)).id();

        new FirstOperator(people, registration).ensure(LOGIN, "another configured passphrase").block(Duration.ofSeconds(30));

        assertThat(people.byLogin(LOGIN).block(Duration.ofSeconds(10)).id()).isEqualTo(before);
        assertThat(session().logIn(LOGIN, "another configured passphrase").getResponseHeaders().getLocation())
                .hasPath("/login").hasQuery("error");
        assertThat(session().logIn(LOGIN, PASSWORD).getResponseHeaders().getLocation()).hasPath("/");
    }

    private ConsoleSession session() {
        return new ConsoleSession(client.mutate().responseTimeout(Duration.ofSeconds(30)).build());
    }
}
