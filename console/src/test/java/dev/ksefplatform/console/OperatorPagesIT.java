package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.NewPerson;
import dev.ksefplatform.console.person.domain.Role;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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
 * The operators' integration accounts and master-key pages over real HTTP and PostgreSQL, with
 * {@link OperatorApiStandIn} as command-api: only offered filter values are forwarded, a quick action names the
 * operator and needs its CSRF token and the operator role, refusals say what to do, and a running rotation refreshes.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ConsoleApplication.CONFIG_NAME)
class OperatorPagesIT {

    private static final String PASSWORD = "correct horse battery";
    private static final OperatorApiStandIn COMMAND_API = new OperatorApiStandIn();

    @Autowired
    private WebTestClient client;

    @Autowired
    private PersonRegistration registration;

    private ConsoleSession session;
    private String operatorId;

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
        operatorId = person.personId();
    }

    @Test
    void forwardsOnlyOfferedFilterValuesAndShowsWhoseEachAccountIs() {
        EntityExchangeResult<String> page = session.get("/operator/integrations?kind=CERTIFICATE&status=GONE"
                + "&environment=TEST&tenantId=" + OperatorApiStandIn.TENANT + "&page=x");

        assertThat(COMMAND_API.requests()).last().satisfies(r -> assertThat(r.uri()).isEqualTo(
                "/admin/v1/integrations?tenantId=" + OperatorApiStandIn.TENANT
                        + "&kind=CERTIFICATE&environment=TEST&page=0&size=25"));
        assertThat(page.getResponseBody()).contains("Biuro Rachunkowe Kowalski", "NIP 5265877635",
                "<label for=\"filter-kind\">Rodzaj</label>", "<label for=\"filter-status\">Stan</label>",
                "<label for=\"filter-environment\">Środowisko</label>", "Własny token KSeF",
                "/operator/audit?tenantId=" + OperatorApiStandIn.TENANT + "&amp;integrationId="
                        + OperatorApiStandIn.ACCOUNT);
    }

    @Test
    void offersTheQuickActionsTheAccountsStatusAllows() {
        String active = session.get("/operator/integrations").getResponseBody();
        String disabled = session.get("/operator/integrations?status=DISABLED").getResponseBody();

        String account = "/operator/integrations/" + OperatorApiStandIn.ACCOUNT;
        assertThat(active).contains(account + "/verify", account + "/disable", "class=\"verify\"", "class=\"disable\"")
                .doesNotContain(account + "/enable");
        assertThat(disabled).contains(account + "/enable", "class=\"enable\"")
                .doesNotContain(account + "/verify", account + "/disable");
    }

    @Test
    void aQuickActionNamesTheOperatorAndReturnsToTheFilteredList() {
        String list = "/operator/integrations?kind=KSEF_TOKEN";
        EntityExchangeResult<String> done = session.postFrom(list, "/operator/integrations/"
                + OperatorApiStandIn.ACCOUNT + "/disable", Map.of("kind", "KSEF_TOKEN"));

        assertThat(COMMAND_API.requests()).last().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.uri()).isEqualTo("/admin/v1/integrations/" + OperatorApiStandIn.ACCOUNT + "/disable");
            assertThat(r.operatorId()).isEqualTo(operatorId);
        });
        assertThat(done.getStatus().value()).isEqualTo(303);
        assertThat(done.getResponseHeaders().getLocation()).hasToString("/operator/integrations?kind=KSEF_TOKEN"
                + "&done=disable&integration=" + OperatorApiStandIn.ACCOUNT);
        assertThat(session.get(done.getResponseHeaders().getLocation().toString()).getResponseBody())
                .contains("Konto wyłączone");
    }

    @Test
    void aRefusedQuickActionSaysWhatToDo() {
        EntityExchangeResult<String> refused = session.postFrom("/operator/integrations", "/operator/integrations/"
                + OperatorApiStandIn.REFUSING + "/verify", Map.of());

        String page = session.get(refused.getResponseHeaders().getLocation().toString()).getResponseBody();
        assertThat(page).contains("role=\"alert\"", "Tego nie można zrobić w obecnym stanie konta");
    }

    @Test
    void aQuickActionWithoutItsCsrfTokenOrByATenantsManagerIsRefused() {
        int asked = COMMAND_API.requests().size();
        EntityExchangeResult<String> forged = session.post("/operator/integrations/" + OperatorApiStandIn.ACCOUNT
                + "/disable", Map.of());
        String manager = "manager-" + UUID.randomUUID().toString().substring(0, 8);
        registration.register(new NewPerson(manager, PASSWORD, Role.MANAGER, OperatorApiStandIn.TENANT))
                .block(Duration.ofSeconds(10));
        ConsoleSession tenantSession = new ConsoleSession(client);
        tenantSession.logIn(manager, PASSWORD);
        EntityExchangeResult<String> byManager = tenantSession.postFrom("/integrations", "/operator/integrations/"
                + OperatorApiStandIn.ACCOUNT + "/disable", Map.of());

        assertThat(forged.getStatus().value()).isEqualTo(403);
        assertThat(byManager.getStatus().value()).isEqualTo(403);
        assertThat(COMMAND_API.requests().stream().skip(asked)).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void aMissingKeyVersionSaysHowToAddItAndARunningRotationRefreshesUntilDone() {
        EntityExchangeResult<String> missing = session.postFrom("/operator/vault", "/operator/vault/rotations",
                Map.of("targetVersion", "2"));
        EntityExchangeResult<String> started = session.postFrom("/operator/vault", "/operator/vault/rotations",
                Map.of("targetVersion", "1"));
        String running = session.get(started.getResponseHeaders().getLocation().toString()).getResponseBody();
        COMMAND_API.finishRotation();
        String finished = session.get("/operator/vault").getResponseBody();

        assertThat(missing.getStatus().value()).isEqualTo(400);
        assertThat(missing.getResponseBody()).contains("Wersja 2 klucza głównego nie jest skonfigurowana",
                "credentials.vault.master-keys.2", "CREDENTIALS_VAULT_MASTERKEYS_2", "aria-invalid=\"true\"");
        assertThat(started.getResponseHeaders().getLocation())
                .hasToString("/operator/vault?rotation=" + OperatorApiStandIn.ROTATION);
        assertThat(COMMAND_API.requests()).filteredOn(r -> r.method().equals("POST"))
                .allSatisfy(r -> assertThat(r.operatorId()).isEqualTo(operatorId));
        assertThat(running).contains("data-refresh-seconds=\"2\"", "<script src=\"/js/refresh.js\" defer>",
                "id=\"rotation-rewrapped\">1<");
        assertThat(finished).doesNotContain("data-refresh-seconds").contains("data-status=\"COMPLETED\"",
                "id=\"rotation-rewrapped\">4<");
    }
}
