package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dashboard's inbox arrivals and KSeF budget panels over real HTTP and PostgreSQL, with {@link DashboardStandIn}
 * as command-api (the pages are Polish). What the whole platform answers is the browser test's.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ConsoleApplication.CONFIG_NAME)
class DashboardPagesIT {

    private static final DashboardStandIn COMMAND_API = new DashboardStandIn();

    @Autowired
    private WebTestClient client;

    @Autowired
    private PersonRegistration registration;

    private ConsoleSession session;

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
        LoggedIn person = LoggedIn.as(Role.VIEWER, UUID.randomUUID().toString(), client, registration);
        session = person.session();
    }

    @AfterEach
    void answerNormally() {
        COMMAND_API.budgetStatus(200);
        COMMAND_API.refuseArrivals(false);
    }

    @Test
    void showsArrivalsPerPeriodAndABudgetHeldByKsefInPlainWords() {
        String html = session.get("/dashboard").getResponseBody();

        assertThat(html).contains("id=\"arrivals-today\"", "data-count=\"4\"", "data-count=\"10\"", "data-count=\"33\"",
                "href=\"/inbox\" id=\"arrivals-inbox-link\"");
        assertThat(html).contains("id=\"budget-waiting\"", "Czekamy do 03.12.2026 14:05, bo osiągnięto limit KSeF");
        assertThat(html).contains("Faktury, które możesz wysłać pojedynczo", "1\u00a0170 z 1\u00a0350", "0 z 22",
                "Otwarcia sesji wysyłki", "119 z 120");
        assertThat(html).doesNotContain("data-group=\"invoiceStatus\"", "id=\"budget-unavailable\"",
                "id=\"arrivals-unavailable\"");
        assertThat(html.indexOf("data-group=\"invoiceSend\"")).isLessThan(html.indexOf("data-group=\"onlineSession\""));
    }

    @Test
    void aBudgetNotSeenYetIsTheWholeLimitNotAFailure() {
        COMMAND_API.budgetStatus(404);

        String html = session.get("/dashboard").getResponseBody();

        assertThat(html).contains("id=\"budget-not-seen\"", "masz do dyspozycji cały limit")
                .doesNotContain("id=\"budget-unavailable\"", "id=\"budget-groups\"");
    }

    @Test
    void aPartCommandApiCannotAnswerIsShownUnavailableAndTheRestStillIs() {
        COMMAND_API.budgetStatus(503);
        COMMAND_API.refuseArrivals(true);

        String html = session.get("/dashboard").getResponseBody();

        assertThat(html).contains("id=\"budget-unavailable\"", "Limity KSeF są teraz niedostępne",
                "id=\"arrivals-unavailable\"", "id=\"latest-notifications\"");
    }
}
