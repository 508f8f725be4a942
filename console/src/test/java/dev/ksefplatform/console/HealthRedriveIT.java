package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.Role;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The health page's re-drive over real HTTP and PostgreSQL, with {@link AdminApiStandIn} as command-api's admin API
 * (no Accept-Language: the page is Polish): a button per re-drivable dead letter, the reason for the others, the
 * operator's identity sent, and the outcome said.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ConsoleApplication.CONFIG_NAME)
class HealthRedriveIT {

    private static final AdminApiStandIn COMMAND_API = new AdminApiStandIn();

    @Autowired
    private WebTestClient client;

    @Autowired
    private PersonRegistration registration;

    private ConsoleSession session;
    private String operator;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoggedIn.infrastructure(registry, COMMAND_API::url);
    }

    @AfterAll
    static void stopCommandApi() {
        COMMAND_API.close();
    }

    @BeforeEach
    void logIn() {
        LoggedIn person = LoggedIn.as(Role.OPERATOR, null, client, registration);
        session = person.session();
        operator = person.login();
    }

    @Test
    void theLargestBacklogIsShownWithItsContextCountsAndOldestQueuedTimeInWarsaw() {
        String page = session.get("/operator/health").getResponseBody();

        assertThat(page).contains("Zaległości klientów").contains("data-tenant=\"" + AdminApiStandIn.BACKLOG + "\"")
                .contains("TEST · 5265877635").contains("<td class=\"queued\">1234</td>")
                .contains("<td class=\"in-ksef\">56</td>").contains("03.12.2026 11:15")
                .doesNotContain("id=\"backlog-unavailable\"");
    }

    @Test
    void aReDrivableDeadLetterHasAButtonAndAPoisonOneSaysWhyNot() {
        String page = session.get("/operator/health").getResponseBody();

        assertThat(page).contains("data-dead-letter=\"" + AdminApiStandIn.GOOD + "\"")
                .contains("value=\"" + AdminApiStandIn.GOOD + "\"").contains("Wyślij ponownie")
                .contains("Nie można wysłać ponownie: its value cannot be decoded as a command (a poison record)")
                .doesNotContain("value=\"" + AdminApiStandIn.POISON + "\"");
    }

    @Test
    void anOperatorReDrivesADeadLetterAsThemselvesAndSeesTheOutcomeThenThatItWasDoneBefore() {
        EntityExchangeResult<String> posted = session.postFrom("/operator/health", "/operator/dead-letters/redrive",
                Map.of("deadLetter", AdminApiStandIn.GOOD, "note", "integration registered"));

        String location = posted.getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith("/operator/health?redriven=");
        assertThat(session.get(location).getResponseBody()).contains("id=\"redrive-outcome\"")
                .contains("Polecenie z " + AdminApiStandIn.GOOD + " opublikowano ponownie");
        assertThat(COMMAND_API.redrives()).anySatisfy(r -> assertThat(r)
                .startsWith("/admin/v1/dead-letters/" + AdminApiStandIn.GOOD + "/redrive ")
                .contains("\"operator\":\"").contains("\"note\":\"integration registered\""));
        String again = session.postFrom("/operator/health", "/operator/dead-letters/redrive",
                Map.of("deadLetter", AdminApiStandIn.GOOD)).getResponseHeaders().getLocation().toString();
        assertThat(session.get(again).getResponseBody()).contains("zostało już wcześniej wysłane ponownie");
    }

    @Test
    void aRefusedReDriveSaysWhatToDoAndAMalformedOneIsRefusedBeforeCommandApi() {
        String refused = session.postFrom("/operator/health", "/operator/dead-letters/redrive",
                Map.of("deadLetter", AdminApiStandIn.POISON)).getResponseHeaders().getLocation().toString();
        int asked = COMMAND_API.redrives().size();

        assertThat(session.get(refused).getResponseBody()).contains("nie można wysłać ponownie")
                .contains("Nadawca musi wysłać je jeszcze raz");
        assertThat(session.postFrom("/operator/health", "/operator/dead-letters/redrive",
                Map.of("deadLetter", "../../tenants")).getStatus().value()).isEqualTo(400);
        assertThat(COMMAND_API.redrives()).hasSize(asked);
    }
}
