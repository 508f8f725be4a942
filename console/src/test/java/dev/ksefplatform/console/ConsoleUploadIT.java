package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.NewPerson;
import dev.ksefplatform.console.person.domain.Role;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The invoice upload's own checks, with no browser and no command-api (its URL leads nowhere): what is refused
 * before anything would be submitted. The browser test (system-tests) submits through the real platform.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ConsoleApplication.CONFIG_NAME, "console.upload.max-files=3",
                "console.upload.max-file-size=1000B"})
class ConsoleUploadIT {

    private static final String PASSWORD = "correct horse battery";
    private static final byte[] XML = "<Faktura/>".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private WebTestClient client;

    @Autowired
    private PersonRegistration registration;

    private String viewer;
    private String manager;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("ksef.services.command-api.url", () -> "http://localhost:9"); // never reached here
    }

    @BeforeEach
    void people() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        String tenant = UUID.randomUUID().toString();
        viewer = register(Role.VIEWER, tenant);
        manager = register(Role.MANAGER, tenant);
    }

    @Test
    void refusesAViewersUploadServerSide() {
        ConsoleSession session = new ConsoleSession(client);
        session.logIn(viewer, PASSWORD);
        String token = ConsoleSession.csrfOf(session.get("/login").getResponseBody());

        EntityExchangeResult<String> upload = session.postFiles("/invoices/upload", token, Map.of("a.xml", XML));

        assertThat(upload.getStatus().value()).isEqualTo(403);
    }

    @Test
    void refusesAnUploadWithoutItsCsrfToken() {
        ConsoleSession session = new ConsoleSession(client);
        session.logIn(manager, PASSWORD);

        assertThat(session.postFiles("/invoices/upload", null, Map.of("a.xml", XML)).getStatus().value()).isEqualTo(403);
        assertThat(session.postFiles("/invoices/upload", "forged", Map.of("a.xml", XML)).getStatus().value()).isEqualTo(403);
    }

    @Test
    void refusesMoreFilesThanTheLimitWithAMessageAndSubmitsNone() {
        ConsoleSession session = new ConsoleSession(client);
        session.logIn(manager, PASSWORD);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            files.put("invoice-" + i + ".xml", XML);
        }

        EntityExchangeResult<String> upload = session.postFiles("/invoices/upload", token(session), files);

        assertThat(upload.getStatus().value()).isEqualTo(200);
        assertThat(upload.getResponseBody()).contains("Limit plików wysyłanych naraz: 3; wybrano: 4.")
                .doesNotContain("upload-outcomes");
    }

    @Test
    void saysItInEnglishOnceThePersonChoseEnglish() {
        ConsoleSession session = new ConsoleSession(client);
        session.logIn(manager, PASSWORD);
        session.get("/invoices/upload?lang=en");

        EntityExchangeResult<String> upload = session.postFiles("/invoices/upload", token(session),
                Map.of("huge.xml", new byte[1001]));

        assertThat(upload.getResponseBody()).contains("<html lang=\"en\"", "Not submitted",
                "The file is larger than 1000 bytes").doesNotContain("Nie wysłano");
    }

    @Test
    void tellsWhichFileIsOverTheSizeLimitBeforeSubmittingIt() {
        ConsoleSession session = new ConsoleSession(client);
        session.logIn(manager, PASSWORD);

        EntityExchangeResult<String> upload = session.postFiles("/invoices/upload", token(session),
                Map.of("huge.xml", new byte[1001]));

        assertThat(upload.getStatus().value()).isEqualTo(200);
        assertThat(upload.getResponseBody()).contains("huge.xml", "Nie wysłano", "Plik ma więcej niż 1000 bajtów");
        InlineCode.assertNone(upload.getResponseBody());
    }

    @Test
    void tellsWhichFileToUploadAgainWhenThePlatformDoesNotAnswer() {
        ConsoleSession session = new ConsoleSession(client);
        session.logIn(manager, PASSWORD);

        EntityExchangeResult<String> upload = session.postFiles("/invoices/upload", token(session), Map.of("lost.xml", XML));

        assertThat(upload.getStatus().value()).isEqualTo(200);
        assertThat(upload.getResponseBody()).contains("lost.xml", "Platforma nie odpowiedziała: wyślij ten plik ponownie");
    }

    @Test
    void refusesAPartOverTheMultipartReadersHardLimit() {
        ConsoleSession session = new ConsoleSession(client);
        session.logIn(manager, PASSWORD);

        EntityExchangeResult<String> upload = session.postFiles("/invoices/upload", token(session),
                Map.of("enormous.xml", new byte[3 * 1024 * 1024]));

        assertThat(upload.getStatus().value()).isEqualTo(413);
    }

    private static String token(ConsoleSession session) {
        return ConsoleSession.csrfOf(session.get("/invoices/upload").getResponseBody());
    }

    private String register(Role role, String tenant) {
        String login = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        registration.register(new NewPerson(login, PASSWORD, role, tenant)).block(Duration.ofSeconds(10));
        return login;
    }
}
