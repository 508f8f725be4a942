package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.Role;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An operator's act-for start and end reach command-api as audit records naming the operator, over real HTTP and
 * PostgreSQL with {@link CommandApiStandIn} as command-api; the browser test sees the rows in the tenant's audit log.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ConsoleApplication.CONFIG_NAME)
class ActingAuditIT {

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
    void recordsTheStartAndTheEndOfActingForATenantNamingTheOperator() {
        LoggedIn operator = LoggedIn.as(Role.OPERATOR, null, client, registration);
        String operatorId = operator.personId();
        ConsoleSession session = operator.session();
        String tenantId = UUID.randomUUID().toString();
        TENANTS.posts().clear();

        EntityExchangeResult<String> started = session.postFrom("/operator/tenants", "/operator/acting", Map.of("tenantId", tenantId));
        EntityExchangeResult<String> ended = session.postFrom("/operator/tenants", "/operator/acting/end", Map.of());

        assertThat(started.getResponseHeaders().getLocation()).hasToString("/dashboard");
        assertThat(ended.getResponseHeaders().getLocation()).hasToString("/operator/tenants");
        assertThat(TENANTS.posts()).hasSize(2);
        assertThat(TENANTS.posts().get(0)).startsWith("/admin/v1/tenants/" + tenantId + "/acting ")
                .contains("\"action\":\"start\"", "\"operatorId\":\"" + operatorId + "\"");
        assertThat(TENANTS.posts().get(1)).startsWith("/admin/v1/tenants/" + tenantId + "/acting ")
                .contains("\"action\":\"end\"", "\"operatorId\":\"" + operatorId + "\"");
    }

    @Test
    void loggingOutWhileActingEndsItAndRecordsTheEnd() {
        LoggedIn operator = LoggedIn.as(Role.OPERATOR, null, client, registration);
        ConsoleSession session = operator.session();
        String tenantId = UUID.randomUUID().toString();
        TENANTS.posts().clear();

        session.postFrom("/operator/tenants", "/operator/acting", Map.of("tenantId", tenantId));
        EntityExchangeResult<String> loggedOut = session.postFrom("/dashboard", "/logout", Map.of());

        assertThat(loggedOut.getResponseHeaders().getLocation()).hasToString("/login?logout");
        assertThat(TENANTS.posts()).hasSize(2);
        assertThat(TENANTS.posts().get(1)).startsWith("/admin/v1/tenants/" + tenantId + "/acting ")
                .contains("\"action\":\"end\"", "\"operatorId\":\"" + operator.personId() + "\"");
    }

    @Test
    void loggingOutWithoutActingRecordsNothing() {
        LoggedIn operator = LoggedIn.as(Role.OPERATOR, null, client, registration);
        TENANTS.posts().clear();

        EntityExchangeResult<String> loggedOut = operator.session().postFrom("/operator/tenants", "/logout", Map.of());

        assertThat(loggedOut.getResponseHeaders().getLocation()).hasToString("/login?logout");
        assertThat(TENANTS.posts()).isEmpty();
    }
}
