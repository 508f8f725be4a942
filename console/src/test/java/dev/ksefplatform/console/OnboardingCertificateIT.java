package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.certificate.Pkcs12Files;
import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 * The wizard's certificate path and the certificate rotation over real HTTP, PostgreSQL and real PKCS#12 files, with
 * {@link CommandApiStandIn} as command-api: what the console checks before sending, what it sends, and that the
 * password never comes back. The browser test (system-tests) onboards against the simulator's XAdES login.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ConsoleApplication.CONFIG_NAME)
class OnboardingCertificateIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String FILE_PASSWORD = "p12-Secret-4711";
    private static final CommandApiStandIn COMMAND_API = new CommandApiStandIn();
    private static final IntegrationApiStandIn INTEGRATIONS = new IntegrationApiStandIn(COMMAND_API);
    private static final Map<String, String> CHOICE = Map.of("environment", "TEST", "scopes", "InvoiceWrite",
            "kind", "CERTIFICATE", "password", FILE_PASSWORD);

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
        LoggedIn person = LoggedIn.as(Role.MANAGER, UUID.randomUUID().toString(), client, registration);
        session = person.session();
        INTEGRATIONS.posts().clear();
    }

    @Test
    void registersAValidCertificateAndVerifiesIt() {
        byte[] file = valid(IntegrationApiStandIn.NIP);

        EntityExchangeResult<String> sent = upload("/onboarding/certificate", CHOICE, file);

        assertThat(sent.getStatus().value()).isEqualTo(303);
        assertThat(sent.getResponseHeaders().getLocation()).hasToString("/onboarding/" + IntegrationApiStandIn.INTEGRATION_ID);
        assertThat(INTEGRATIONS.posts()).hasSize(2);
        assertThat(INTEGRATIONS.posts().get(0)).startsWith("/api/v1/integrations {")
                .contains("\"type\":\"CERTIFICATE\"", "\"pkcs12\":\"" + Base64.getEncoder().encodeToString(file) + "\"",
                        "\"password\":\"" + FILE_PASSWORD + "\"", "\"scopes\":[\"InvoiceWrite\"]");
        assertThat(INTEGRATIONS.posts().get(1)).startsWith("/api/v1/integrations/" + IntegrationApiStandIn.INTEGRATION_ID + "/verify");
        assertThat(session.get("/onboarding/" + IntegrationApiStandIn.INTEGRATION_ID).getResponseBody())
                .contains("id=\"outcome-active\"", "Certyfikat KSeF");
    }

    @Test
    void offersTheCertificateFormAsMultipartWithItsCsrfField() {
        String page = session.get("/onboarding/credential?environment=TEST&scopes=InvoiceWrite&kind=CERTIFICATE")
                .getResponseBody();

        assertThat(page).contains("enctype=\"multipart/form-data\"", "action=\"/onboarding/certificate\"",
                "name=\"pkcs12\"", "type=\"password\"", "do 64 KB").doesNotContain("id=\"onboarding-credential\"");
        InlineCode.assertNone(page);
    }

    @Test
    void refusesAWrongPasswordInPolishSendingNothingAndNeverShowingThePassword() {
        Map<String, String> wrong = Map.of("environment", "TEST", "scopes", "InvoiceWrite", "kind", "CERTIFICATE",
                "password", "Wrong-Guess-99");

        EntityExchangeResult<String> sent = upload("/onboarding/certificate", wrong, valid(IntegrationApiStandIn.NIP));

        assertThat(sent.getStatus().value()).isEqualTo(400);
        assertThat(sent.getResponseBody()).contains("Hasło nie otwiera tego pliku").doesNotContain("Wrong-Guess-99");
        assertThat(INTEGRATIONS.posts()).isEmpty();
    }

    @Test
    void refusesAnExpiredCertificateSayingSinceWhen() {
        Instant expired = Instant.parse("2025-03-31T12:00:00Z");
        byte[] file = Pkcs12Files.seal(IntegrationApiStandIn.NIP, FILE_PASSWORD, expired.minus(Duration.ofDays(365)), expired);

        EntityExchangeResult<String> sent = upload("/onboarding/certificate", CHOICE, file);

        assertThat(sent.getResponseBody()).contains("Certyfikat wygasł 31.03.2025").doesNotContain(FILE_PASSWORD);
        assertThat(INTEGRATIONS.posts()).isEmpty();
    }

    @Test
    void refusesACertificateOfAnotherCompanyNamingBothNips() {
        EntityExchangeResult<String> sent = upload("/onboarding/certificate", CHOICE, valid("3861610227"));

        assertThat(sent.getResponseBody()).contains("wystawiony dla NIP 3861610227", IntegrationApiStandIn.NIP);
        assertThat(INTEGRATIONS.posts()).isEmpty();
    }

    @Test
    void refusesAFileThatIsNotPkcs12() {
        EntityExchangeResult<String> sent = upload("/onboarding/certificate", CHOICE, "<Faktura/>".getBytes());

        assertThat(sent.getResponseBody()).contains("To nie jest plik PKCS#12");
    }

    @Test
    void refusesAnUploadWithoutItsCsrfToken() {
        EntityExchangeResult<String> sent = session.postForm("/onboarding/certificate", null, CHOICE, "pkcs12", "seal.p12",
                valid(IntegrationApiStandIn.NIP));

        assertThat(sent.getStatus().value()).isEqualTo(403);
        assertThat(INTEGRATIONS.posts()).isEmpty();
    }

    @Test
    void showsCommandApisRefusalInPolishWithItsSpecificsAsDetails() {
        INTEGRATIONS.refuseNext("{\"type\":\"https://ksef-platform.dev/problems/invalid-request\",\"title\":\"Invalid request\","
                + "\"status\":400,\"detail\":\"scopes: InvoiceRead is not granted by this environment\"}");

        EntityExchangeResult<String> sent = upload("/onboarding/certificate", CHOICE, valid(IntegrationApiStandIn.NIP));

        assertThat(sent.getStatus().value()).isEqualTo(400);
        assertThat(sent.getResponseBody()).contains("Platforma nie przyjęła danych z formularza",
                "Szczegóły: scopes: InvoiceRead is not granted by this environment").doesNotContain(FILE_PASSWORD);
    }

    @Test
    void replacesTheCertificateOfAnIntegration() {
        byte[] file = valid(IntegrationApiStandIn.NIP);
        String path = "/integrations/" + IntegrationApiStandIn.INTEGRATION_ID + "/certificate";

        EntityExchangeResult<String> sent = upload(path, Map.of("password", FILE_PASSWORD), file);

        assertThat(sent.getStatus().value()).isEqualTo(303);
        assertThat(sent.getResponseHeaders().getLocation()).hasToString("/integrations?done=certificate");
        assertThat(INTEGRATIONS.posts()).singleElement().asString()
                .startsWith("/api/v1/integrations/" + IntegrationApiStandIn.INTEGRATION_ID + "/secret {\"credential\":")
                .contains("\"type\":\"CERTIFICATE\"", Base64.getEncoder().encodeToString(file));
    }

    @Test
    void refusesAReplacementWithTheWrongPasswordAboveTheList() {
        String path = "/integrations/" + IntegrationApiStandIn.INTEGRATION_ID + "/certificate";

        EntityExchangeResult<String> sent = upload(path, Map.of("password", "nope-nope"), valid(IntegrationApiStandIn.NIP));

        assertThat(sent.getStatus().value()).isEqualTo(400);
        assertThat(sent.getResponseBody()).contains("id=\"integration-refusal\"", "Hasło nie otwiera tego pliku");
        assertThat(INTEGRATIONS.posts()).isEmpty();
    }

    private EntityExchangeResult<String> upload(String path, Map<String, String> fields, byte[] file) {
        String token = ConsoleSession.csrfOf(session.get("/onboarding").getResponseBody());
        return session.postForm(path, token, fields, "pkcs12", "seal.p12", file);
    }

    private static byte[] valid(String nip) {
        Instant now = Instant.now();
        return Pkcs12Files.seal(nip, FILE_PASSWORD, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }
}
