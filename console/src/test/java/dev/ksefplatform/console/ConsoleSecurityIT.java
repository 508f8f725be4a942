package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.NewPerson;
import dev.ksefplatform.console.person.domain.Role;
import dev.ksefplatform.testsupport.CapturedLogs;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The console's own security, with no browser and no command-api: a real PostgreSQL and real HTTP. */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ConsoleApplication.CONFIG_NAME, "ksef.http.read-timeout=2s",
                "logging.level.dev.ksefplatform.support.web.DroppedErrors=DEBUG",
                "server.netty.idle-timeout=2s"})
class ConsoleSecurityIT {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    private int port;

    @Autowired
    private WebTestClient client;

    @Autowired
    private PersonRegistration registration;

    @Autowired
    private WebSessionManager sessions;

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
    void answersWithTheSecurityHeadersAndNoInlineScriptOrStyle() {
        EntityExchangeResult<String> page = new ConsoleSession(client).get("/login");

        HttpHeaders headers = page.getResponseHeaders();
        assertThat(headers.getFirst("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        InlineCode.assertNone(page.getResponseBody());
    }

    @Test
    void keepsTheSessionInAnHttpOnlySameSiteStrictCookie() {
        ConsoleSession session = new ConsoleSession(client);
        EntityExchangeResult<String> login = session.logIn(viewer, PASSWORD);

        assertThat(login.getStatus().value()).isEqualTo(302);
        assertThat(login.getResponseHeaders().getLocation()).hasPath("/");
        assertThat(login.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("KSEF_CONSOLE_SESSION=").containsIgnoringCase("; HttpOnly").contains("SameSite=Strict"));
    }

    @Test
    void speaksPolishUntilThePersonChoosesEnglishAndKeepsTheChoiceInAnHttpOnlyLaxCookie() {
        ConsoleSession session = new ConsoleSession(client);
        assertThat(session.get("/login").getResponseBody()).contains("<html lang=\"pl\"", "Zaloguj się",
                "href=\"/login?lang=en\"");
        assertThat(session.get("/login?logout").getResponseBody()).as("the switch keeps the page's query")
                .contains("href=\"/login?logout&amp;lang=en\"");

        EntityExchangeResult<String> english = session.get("/login?lang=en");

        assertThat(english.getResponseBody()).contains("<html lang=\"en\"", "Log in to the KSeF platform", "id=\"lang-pl\"")
                .doesNotContain("Zaloguj się");
        assertThat(english.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("KSEF_CONSOLE_LANG=en;").containsIgnoringCase("; HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Secure"));
        session.logIn(viewer, PASSWORD);
        assertThat(session.get("/login?lang=de").getResponseBody()).as("the cookie, a language not offered ignored")
                .contains("<html lang=\"en\"");
        assertThat(session.get("/login?lang=pl").getResponseBody()).contains("<html lang=\"pl\"");
        assertThat(session.get("/login").getResponseBody()).as("Polish kept").contains("<html lang=\"pl\"", "Zaloguj się");
    }

    @Test
    void closesTheConnectionOfAFormWhoseBodyStoppedArriving() throws Exception {
        ConsoleSession session = new ConsoleSession(client);
        session.get("/login"); // a session holding a CSRF token: the token check reads the form's body
        try (CapturedLogs logs = CapturedLogs.attach(); Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: " + session.cookieHeader()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nusername=a")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).as("given up after the read timeout (2 s), not waited for for ever").startsWith("HTTP/1.1 408");
            // signalled again once the connection is gone: at DEBUG, not as Reactor's default ERROR
            assertThat(logs.await(e -> e.logger().endsWith(".DroppedErrors") && e.level().equals("DEBUG"),
                    Duration.ofSeconds(5))).isTrue();
            assertThat(logs.entries()).noneMatch(e -> e.level().equals("ERROR") && (e.logger().endsWith(".DroppedErrors")
                    || e.logger().equals("reactor.core.publisher.Operators")));
        }
    }

    @Test
    void closesAConnectionThatSendsNoRequest() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);

            assertThat(socket.getInputStream().read()).as("closed after the idle timeout (2 s), nothing answered").isEqualTo(-1);
        }
    }

    @Test
    void refusesAFormPostedWithoutItsCsrfToken() {
        ConsoleSession session = new ConsoleSession(client);
        session.get("/login");

        assertThat(session.post("/login", Map.of("username", viewer, "password", PASSWORD)).getStatus().value())
                .isEqualTo(403);
        assertThat(session.post("/login", Map.of("username", viewer, "password", PASSWORD, "_csrf", "forged"))
                .getStatus().value()).isEqualTo(403);
        assertThat(session.get("/invoices").getStatus().value()).as("not logged in").isEqualTo(302);
        session.logIn(viewer, PASSWORD);
        assertThat(session.post("/logout", Map.of()).getStatus().value()).as("logout, too").isEqualTo(403);
    }

    @Test
    void locksAPersonOutAfterFiveWrongPasswordsEvenForTheRightOne() throws Exception {
        ConsoleSession session = new ConsoleSession(client);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(session.logIn(viewer, "wrong password " + attempt).getResponseHeaders().getLocation())
                    .hasToString("/login?error");
        }

        assertThat(session.logIn(viewer, PASSWORD).getResponseHeaders().getLocation()).hasToString("/login?locked");
        assertThat(session.get("/login?locked").getResponseBody()).contains("id=\"login-locked\"", "konto jest na jakiś czas zablokowane");
        assertThat(new ConsoleSession(client).logIn(manager, PASSWORD).getResponseHeaders().getLocation())
                .as("another person of the tenant").hasPath("/");

        expireLockOf(viewer);
        assertThat(session.logIn(viewer, PASSWORD).getResponseHeaders().getLocation()).as("once the lock ended").hasPath("/");
    }

    @Test
    void countsOnlyConsecutiveFailures() {
        ConsoleSession session = new ConsoleSession(client);
        for (int attempt = 1; attempt <= 4; attempt++) {
            session.logIn(manager, "wrong password " + attempt);
        }
        assertThat(session.logIn(manager, PASSWORD).getResponseHeaders().getLocation()).hasPath("/");

        ConsoleSession again = new ConsoleSession(client);
        again.logIn(manager, "wrong password 5");
        assertThat(again.logIn(manager, PASSWORD).getResponseHeaders().getLocation()).hasPath("/");
    }

    @Test
    void refusesAViewersActionServerSide() {
        ConsoleSession session = new ConsoleSession(client);
        session.logIn(viewer, PASSWORD);
        String token = ConsoleSession.csrfOf(session.get("/login").getResponseBody());

        assertThat(session.post("/integrations/" + UUID.randomUUID() + "/verify", Map.of("_csrf", token))
                .getStatus().value()).isEqualTo(403);
        assertThat(session.post("/inbox/sync", Map.of("_csrf", token)).getStatus().value()).isEqualTo(403);
        assertThat(session.post("/webhooks", Map.of("_csrf", token, "url", "https://hooks.example.invalid/x"))
                .getStatus().value()).isEqualTo(403);
        assertThat(session.post("/webhooks/" + UUID.randomUUID() + "/rotate", Map.of("_csrf", token))
                .getStatus().value()).isEqualTo(403);
        assertThat(session.post("/webhooks/" + UUID.randomUUID() + "/remove", Map.of("_csrf", token))
                .getStatus().value()).isEqualTo(403);
        assertThat(session.post("/onboarding", Map.of("_csrf", token, "environment", "TEST", "scopes", "InvoiceWrite",
                "kind", "KSEF_TOKEN", "ksefToken", "a-token")).getStatus().value()).isEqualTo(403);
        assertThat(session.post("/onboarding/" + UUID.randomUUID() + "/verify", Map.of("_csrf", token))
                .getStatus().value()).isEqualTo(403);
        assertThat(session.get("/operator/tenants").getStatus().value()).isEqualTo(403);
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginPage() {
        EntityExchangeResult<String> page = new ConsoleSession(client).get("/invoices");

        assertThat(page.getStatus().value()).isEqualTo(302);
        assertThat(page.getResponseHeaders().getLocation()).hasPath("/login");
    }

    @Test
    void servesItsStylesheetAndHtmxToAnonymousVisitorsWithTheirTypesAndLastModified() throws Exception {
        byte[] stylesheet;
        try (var in = getClass().getResourceAsStream("/static/css/console.css")) {
            stylesheet = in.readAllBytes();
        }
        for (int i = 0; i < 2; i++) { // the second answer comes from the copy in memory the first one made
            EntityExchangeResult<byte[]> css = client.get().uri("/css/console.css").exchange()
                    .expectStatus().isOk().expectBody().returnResult();
            assertThat(css.getResponseHeaders().getContentType()).hasToString("text/css");
            assertThat(css.getResponseBody()).isEqualTo(stylesheet);
            assertThat(css.getResponseHeaders().getLastModified()).isPositive();
        }
        long lastModified = client.get().uri("/css/console.css").exchange().expectBody().returnResult()
                .getResponseHeaders().getLastModified();
        client.get().uri("/css/console.css").ifModifiedSince(
                        ZonedDateTime.ofInstant(Instant.ofEpochMilli(lastModified), ZoneOffset.UTC))
                .exchange().expectStatus().isNotModified();

        EntityExchangeResult<String> htmx = client.get().uri("/webjars/htmx.org/dist/htmx.min.js").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(htmx.getResponseHeaders().getContentType().getSubtype()).isEqualTo("javascript");
        assertThat(htmx.getResponseBody()).contains("htmx");
    }

    @Test
    void keepsNoPasswordOrHashInTheSession() {
        EntityExchangeResult<String> login = new ConsoleSession(client).logIn(manager, PASSWORD);
        String sessionId = login.getResponseCookies().getFirst("KSEF_CONSOLE_SESSION").getValue();

        WebSession session = ((DefaultWebSessionManager) sessions).getSessionStore().retrieveSession(sessionId)
                .block(Duration.ofSeconds(5));
        SecurityContext context = session.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo(manager);
        assertThat(context.getAuthentication().getCredentials()).isNull();
        assertThat(((UserDetails) context.getAuthentication().getPrincipal()).getPassword()).isNull();
    }

    @Test
    void keepsOnlyABcryptHashOfThePassword() throws Exception {
        try (var db = DriverManager.getConnection(EmbeddedPostgres.get().jdbcUrl(), "postgres", "postgres");
             var query = db.prepareStatement("SELECT password_hash FROM console.people WHERE login = ?")) {
            query.setString(1, viewer);
            var row = query.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).startsWith("{bcrypt}$2a$").doesNotContain(PASSWORD);
        }
    }

    private String register(Role role, String tenant) {
        String login = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        registration.register(new NewPerson(login, PASSWORD, role, tenant)).block(Duration.ofSeconds(10));
        return login;
    }

    private static void expireLockOf(String login) throws Exception {
        try (var db = DriverManager.getConnection(EmbeddedPostgres.get().jdbcUrl(), "postgres", "postgres");
             var update = db.prepareStatement("UPDATE console.people SET locked_until = now() - interval '1 second' WHERE login = ?")) {
            update.setString(1, login);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
