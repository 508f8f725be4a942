package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A session that expires while its operator acts for a tenant records the end of acting, naming the operator, with no
 * request from the browser: the sweep finds it (sessions expire after 5 s idle here, swept every 300 ms).
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ConsoleApplication.CONFIG_NAME, "server.reactive.session.timeout=5s",
                "console.session.sweep=300ms"})
class ActingExpiryIT {

    private static final CommandApiStandIn COMMAND_API = new CommandApiStandIn();
    private static final IntegrationApiStandIn TENANTS = new IntegrationApiStandIn(COMMAND_API);

    @Autowired
    private WebTestClient client;

    @Autowired
    private PersonRegistration registration;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoggedIn.infrastructure(registry, COMMAND_API::url);
    }

    @AfterAll
    static void stopCommandApi() {
        COMMAND_API.close();
    }

    @Test
    void aSessionThatExpiresWhileActingRecordsTheEndAndIsGone() throws InterruptedException {
        LoggedIn operator = LoggedIn.as(Role.OPERATOR, null, client, registration);
        ConsoleSession session = operator.session();
        String tenantId = UUID.randomUUID().toString();
        TENANTS.posts().clear();

        session.postFrom("/operator/tenants", "/operator/acting", Map.of("tenantId", tenantId));
        assertThat(TENANTS.posts()).as("acting started").hasSize(1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (TENANTS.posts().size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        assertThat(TENANTS.posts()).hasSize(2);
        assertThat(TENANTS.posts().get(1)).startsWith("/admin/v1/tenants/" + tenantId + "/acting ")
                .contains("\"action\":\"end\"", "\"operatorId\":\"" + operator.personId() + "\"");
        assertThat(session.get("/dashboard").getResponseHeaders().getLocation()).as("logged out")
                .hasToString("/login");
    }
}
