package dev.ksefplatform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.Role;
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
 * The inbox's pages over real HTTP and PostgreSQL, with {@link CommandApiStandIn} as command-api (no Accept-Language:
 * the pages are Polish). What the whole platform answers is the browser test's.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ConsoleApplication.CONFIG_NAME)
class InboxPagesIT {

    private static final CommandApiStandIn COMMAND_API = new CommandApiStandIn();
    private static final String READABLE = "5265877635-20251031-0100A0B0C0D0-E1";
    private static final String UNREADABLE = "5265877635-20251031-0100A0B0C0D1-F2";

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

    @Test
    void showsARefusedFilterAtItsFieldAndAsksCommandApiNothing() {
        int asked = COMMAND_API.queries().size();

        EntityExchangeResult<String> page = session.get("/inbox?sellerNip=12345&issuedFrom=2025-10-02&issuedTo=2025-10-01");

        assertThat(page.getStatus().value()).isEqualTo(200);
        String html = text(page);
        assertThat(html).contains("id=\"sellerNip-error\"", "NIP to 10 cyfr", "id=\"issuedTo-error\"",
                "Data „do” nie może być wcześniejsza", "value=\"12345\"", "aria-invalid=\"true\"");
        assertThat(html).doesNotContain("id=\"received\"");
        assertThat(COMMAND_API.queries()).hasSize(asked);
    }

    @Test
    void forwardsTheFiltersNormalisedAndKeepsThemInThePagingLink() {
        EntityExchangeResult<String> page = session.get("/inbox?sellerNip=526-587-76-35&grossFrom=1+000,50&q=FA");

        String html = text(page);
        assertThat(COMMAND_API.queries()).last().asString()
                .contains("sellerNip=5265877635", "grossFrom=1000.50", "q=FA", "limit=25").doesNotContain("cursor");
        assertThat(html).contains("33\u00a0569,50\u00a0zł", "31.10.2025",
                "href=\"/inbox?sellerNip=5265877635&amp;grossFrom=1000.50&amp;q=FA&amp;cursor=page2\"");
    }

    @Test
    void showsCommandApisRefusalBesideTheFormWithWhatToDo() {
        EntityExchangeResult<String> page = session.get("/inbox?sellerNip=5265877635&cursor=refused");

        assertThat(page.getStatus().value()).isEqualTo(200);
        String html = text(page);
        assertThat(html).contains("id=\"filter-refused\"", "cursor: is not a cursor from a previous page",
                "href=\"/inbox?sellerNip=5265877635\"", "zacznij od pierwszej strony");
    }

    @Test
    void rendersAReceivedInvoicesPartiesLinesAndTotalsBesideItsRawXml() {
        COMMAND_API.serve(READABLE, sample("pdfgen-assets-invoice-fa3.xml"));

        EntityExchangeResult<String> page = session.get("/inbox/" + READABLE);

        assertThat(page.getStatus().value()).isEqualTo(200);
        String html = text(page);
        assertThat(html).contains("Bartkowiak, Dróżdż and Górecki", "5265877635", "ul. Kępa 332", "20-892 Tyszowce",
                "Strzelczyk LLC", "6808208874", "<span id=\"invoice-type\">Faktura</span>",
                "<span id=\"invoice-number\">FA/YUCFO-4342344706/03/2026</span>", "31.10.2025, Czarnków",
                "<strong id=\"total-gross\">33\u00a0569,50\u00a0zł</strong>", "27\u00a0292,28\u00a0zł",
                "6\u00a0277,22\u00a0zł", "Stawka podstawowa (23% lub 22%)", "href=\"/inbox/" + READABLE + "/xml\"",
                "&lt;P_15&gt;33569.50&lt;/P_15&gt;");
        assertThat(html.split("<tr class=\"line\"", -1)).hasSize(14);
        assertThat(html).doesNotContain("id=\"unreadable\"", "<P_15>", "??");
    }

    @Test
    void showsADocumentItCannotReadAsItsRawXmlWithAPlainMessage() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE Faktura [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<Faktura><Fa><P_2>&x;</P_2></Fa></Faktura>";
        COMMAND_API.serve(UNREADABLE, hostile.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        EntityExchangeResult<String> page = session.get("/inbox/" + UNREADABLE);

        assertThat(page.getStatus().value()).isEqualTo(200);
        assertThat(text(page)).contains("id=\"unreadable\"", "nie da się odczytać jako FA(3)",
                "&lt;P_2&gt;&amp;x;&lt;/P_2&gt;", "<details class=\"raw-xml\" id=\"raw-xml\" open");
    }

    private static byte[] sample(String name) {
        try (var in = InboxPagesIT.class.getResourceAsStream("/ksef/samples/invoices/" + name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(EntityExchangeResult<String> page) {
        return page.getResponseBody();
    }
}
