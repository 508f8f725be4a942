package dev.ksefplatform.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.console.person.application.PersonRegistration;
import dev.ksefplatform.console.person.domain.NewPerson;
import dev.ksefplatform.console.person.domain.Role;
import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.deploy.PlatformStack;
import dev.ksefplatform.deploy.SampleInvoices;
import dev.ksefplatform.deploy.StackSettings;
import dev.ksefplatform.ksef.id.Nip;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console in a real headless Chromium over the whole platform (one JVM: embedded Kafka and PostgreSQL, the KSeF
 * simulator, every service and the console). Screenshots of the main screens go to
 * {@code system-tests/target/console-screenshots}.
 */
class ConsoleBrowserIT {

    private static final Random RANDOM = new Random(20261303L);
    private static final Path TARGET = Path.of("target");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static PlatformStack stack;
    private static PlatformClient client;
    private static ChromeDriver driver;
    private static Path downloads;
    private static Tenant tenant;
    private static String password;
    private static String manager;
    private static String viewer;
    private static String operator;

    private ConsolePages pages;

    @BeforeAll
    static void startPlatformAndBrowser() throws Exception {
        Chromium.Paths chromium = Chromium.requireInstalled();
        stack = PlatformStack.start(StackSettings.ephemeral(), line -> System.out.println("[stack] " + line));
        client = new PlatformClient(stack);
        tenant = client.onboard("Omega Rachunkowość sp. z o.o.", randomNip());
        password = StackSettings.Secrets.password();
        manager = person(Role.MANAGER, tenant.tenantId());
        viewer = person(Role.VIEWER, tenant.tenantId());
        operator = person(Role.OPERATOR, null);
        downloads = Files.createDirectories(TARGET.resolve("console-downloads").toAbsolutePath());
        driver = Chromium.start(chromium, downloads);
    }

    @AfterAll
    static void stopBrowserAndPlatform() {
        if (driver != null) {
            driver.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void freshSession() {
        pages = new ConsolePages(driver, stack.url(Apps.CONSOLE), TARGET.resolve("console-screenshots"));
        pages.open("/login");
        driver.manage().deleteAllCookies();
        pages.forgetBrowserLog();
    }

    @Test
    void aManagerFindsAnInvoiceSubmittedOverRestAndDownloadsItsXml() throws Exception {
        byte[] xml = SampleInvoices.fa3(tenant.nip(), "FV/CONSOLE/" + System.nanoTime(), LocalDate.now());
        String commandId = client.submitInvoice(tenant, xml, "application/xml").body().path("commandId").asText();
        JsonNode accepted = client.awaitFinalStatus(tenant, commandId, Duration.ofSeconds(90));
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        String invoiceNumber = accepted.path("invoiceNumber").asText();

        pages.logIn(manager, password);
        pages.reloadUntil("/invoices", By.linkText(invoiceNumber), Duration.ofSeconds(30));
        pages.assertCleanPage();
        pages.screenshot("invoices");
        pages.open("/invoices?status=REJECTED");
        assertThat(pages.all(By.linkText(invoiceNumber))).as("filtered out").isEmpty();
        pages.open("/invoices?status=ACCEPTED");
        pages.waitFor(By.linkText(invoiceNumber)).click();

        assertThat(pages.textOf(By.id("ksef-number"))).isEqualTo(accepted.path("ksefNumber").asText());
        assertThat(pages.attribute(By.id("invoice-status"), "data-status")).isEqualTo("ACCEPTED");
        assertThat(pages.text(By.id("invoice-status"))).isEqualTo("Przyjęta");
        pages.assertCleanPage();
        pages.screenshot("invoice");
        pages.waitFor(By.id("download-xml")).click();
        assertThat(downloaded(commandId + ".xml")).isEqualTo(xml);
    }

    @Test
    void aManagerUploadsTwoInvoicesAndSeesTheValidOneAcceptedAndTheInvalidOnesSchemaErrors() throws Exception {
        String number = "FV/UPLOAD/" + System.nanoTime();
        LocalDate today = LocalDate.now();
        Path valid = Files.write(downloads.resolve("valid-" + System.nanoTime() + ".xml"), SampleInvoices.fa3(tenant.nip(), number, today));
        Path invalid = Files.writeString(downloads.resolve("invalid-" + System.nanoTime() + ".xml"),
                new String(SampleInvoices.fa3(tenant.nip(), number + "-BAD", today), StandardCharsets.UTF_8)
                        .replace(today.toString(), "not-a-date"));

        pages.logIn(manager, password);
        pages.open("/invoices/upload");
        pages.waitFor(By.id("files")).sendKeys(valid + "\n" + invalid);
        pages.navigateBy(() -> pages.waitFor(By.id("upload")).click());

        WebElement accepted = pages.waitFor(By.cssSelector("#upload-outcomes .upload-outcome.accepted"));
        assertThat(accepted.findElement(By.className("file-name")).getText()).isEqualTo(valid.getFileName().toString());
        WebElement refused = pages.waitFor(By.cssSelector("#upload-outcomes .upload-outcome.refused"));
        assertThat(refused.findElement(By.className("file-name")).getText()).isEqualTo(invalid.getFileName().toString());
        assertThat(refused.findElement(By.className("outcome-title")).getText()).isEqualTo("Faktura niezgodna ze schematem FA(3)");
        List<WebElement> violations = refused.findElements(By.cssSelector(".violations li"));
        assertThat(violations).isNotEmpty().allSatisfy(violation -> {
            assertThat(violation.getAttribute("data-line")).isNotBlank();
            assertThat(violation.getText()).startsWith("wiersz " + violation.getAttribute("data-line") + ", kolumna ");
        });
        assertThat(violations).anySatisfy(violation -> assertThat(violation.getText()).contains("not-a-date"));
        pages.assertCleanPage();
        pages.screenshot("upload");
        String status = accepted.findElement(By.className("outcome-link")).getAttribute("href");
        pages.reloadUntil(URI.create(status).getPath(), By.xpath("//dd[@id='invoice-status' and @data-status='ACCEPTED']"),
                Duration.ofSeconds(90));
        assertThat(pages.text(By.id("invoice-number"))).contains(number);
        assertThat(pages.attribute(By.id("ksef-number"), "data-ksef-number")).isNotBlank();
    }

    @Test
    void theDashboardCountsWhatTheTenantSubmittedToday() {
        Tenant counted = client.onboard("Sigma Biuro Rachunkowe s.c.", randomNip());
        String itsManager = person(Role.MANAGER, counted.tenantId());
        for (int i = 0; i < 2; i++) {
            byte[] xml = SampleInvoices.fa3(counted.nip(), "FV/DASH/" + i + "/" + System.nanoTime(), LocalDate.now());
            String commandId = client.submitInvoice(counted, xml, "application/xml").body().path("commandId").asText();
            assertThat(client.awaitFinalStatus(counted, commandId, Duration.ofSeconds(90)).path("status").asText())
                    .isEqualTo("ACCEPTED");
        }

        pages.logIn(itsManager, password);
        assertThat(pages.path()).as("the landing page").isEqualTo("/dashboard");
        pages.reloadUntil("/dashboard", By.xpath("//tr[@id='period-today']/td[@class='count-ACCEPTED' and text()='2']"),
                Duration.ofSeconds(30));

        for (String period : List.of("today", "week", "month")) {
            assertThat(pages.text(By.cssSelector("#period-" + period + " .count-total"))).as(period).isEqualTo("2");
            assertThat(pages.text(By.cssSelector("#period-" + period + " .count-REJECTED"))).as(period).isEqualTo("0");
        }
        assertThat(pages.all(By.cssSelector("#submission-chart rect.bar-ACCEPTED"))).hasSize(1);
        assertThat(pages.attribute(By.id("integrations-ok"), "data-count")).isEqualTo("1");
        assertThat(pages.text(By.id("integrations-ok"))).isEqualTo("Integracja działa: nic nie trzeba robić.");
        DashboardPanels panels = new DashboardPanels(pages);
        panels.awaitBudgetOf("invoiceSend");
        int[] sends = panels.awaitSpentThisHour("invoiceSend", 2);
        assertThat(sends[0]).as("two invoices sent this hour").isLessThanOrEqualTo(sends[1] - 2);
        assertThat(panels.arrivals("month")).as("nothing received").isZero();
        pages.assertCleanPage();
        pages.screenshot("dashboard");
    }

    @Test
    void aManagerRegistersAWebhookAndRotatesItsSecretEachShownOnlyOnce() {
        String url = "https://hooks.example.invalid/console-" + System.nanoTime();
        pages.logIn(manager, password);
        pages.open("/webhooks");
        pages.waitFor(By.id("url")).sendKeys(url);
        pages.navigateBy(() -> pages.waitFor(By.id("register")).click());

        String secret = pages.textOf(By.id("webhook-secret"));
        assertThat(secret).startsWith("whsec_");
        assertThat(pages.text(By.id("secret-url"))).isEqualTo(url);
        assertThat(pages.path()).isEqualTo("/webhooks/secret");
        pages.assertCleanPage();
        pages.screenshot("webhook-secret");
        pages.navigateBy(() -> pages.driver().navigate().refresh());
        assertThat(pages.textOf(By.id("secret-gone"))).contains("pokazywany tylko raz");
        assertThat(pages.driver().getPageSource()).doesNotContain(secret);

        pages.open("/webhooks");
        WebElement webhook = pages.waitFor(By.xpath("//section[@class='webhook'][h2[text()='" + url + "']]"));
        assertThat(webhook.findElement(By.className("webhook-status")).getAttribute("data-status")).isEqualTo("NONE");
        assertThat(webhook.findElement(By.className("webhook-status")).getText()).isEqualTo("jeszcze nic nie doręczono");
        assertThat(pages.driver().getPageSource()).doesNotContain(secret);
        pages.assertCleanPage();
        pages.screenshot("webhooks");
        pages.navigateBy(() -> webhook.findElement(By.className("rotate-secret")).click());

        String rotated = pages.textOf(By.id("webhook-secret"));
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(pages.text(By.id("secret-replaced"))).startsWith("Poprzedni webhook");
        pages.open("/webhooks/secret");
        assertThat(pages.textOf(By.id("secret-gone"))).isNotBlank();
        pages.open("/webhooks");
        assertThat(pages.all(By.xpath("//section[@class='webhook'][h2[text()='" + url + "']]"))).hasSize(1);
        assertThat(pages.driver().getPageSource()).doesNotContain(rotated);
    }

    @Test
    void aManagerRunsTheOnboardingWizardToAnActiveIntegration() throws Exception {
        String nip = randomNip();
        String newcomer = person(Role.MANAGER, registerTenantWithoutIntegration("Tau Usługi Księgowe", nip));

        pages.logIn(newcomer, password);
        pages.open("/onboarding");
        assertThat(pages.waitFor(By.id("kind-KSEF_TOKEN")).isSelected()).isTrue();
        pages.assertCleanPage();
        pages.screenshot("wizard-1");
        pages.navigateBy(() -> pages.waitFor(By.id("next")).click());
        assertThat(pages.textOf(By.id("chosen-scopes"))).isEqualTo("InvoiceWrite, InvoiceRead");
        pages.waitFor(By.id("ksefToken")).sendKeys(ksefToken(nip, List.of("InvoiceWrite", "InvoiceRead")));
        pages.assertCleanPage();
        pages.screenshot("wizard-2");
        pages.navigateBy(() -> pages.waitFor(By.id("register-integration")).click());

        assertThat(pages.attribute(By.id("outcome-status"), "data-status")).isEqualTo("ACTIVE");
        assertThat(pages.text(By.id("outcome-status"))).isEqualTo("Aktywna");
        assertThat(pages.all(By.cssSelector("#outcome-active #next-upload a, #outcome-active #next-inbox a"))).hasSize(2);
        pages.assertCleanPage();
        pages.screenshot("wizard-3");
        pages.open("/dashboard");
        assertThat(pages.attribute(By.id("integrations-ok"), "data-count")).isEqualTo("1");
    }

    @Test
    void theWizardSaysWhatToDoWhenKsefRefusesTheTokenAndShowsARefusedRegistration() throws Exception {
        String nip = randomNip();
        String newcomer = person(Role.MANAGER, registerTenantWithoutIntegration("Ypsilon Doradztwo", nip));

        pages.logIn(newcomer, password);
        pages.open("/onboarding");
        pages.navigateBy(() -> pages.waitFor(By.id("next")).click());
        pages.waitFor(By.id("ksefToken")).sendKeys(ksefToken(nip, List.of("InvoiceRead")));
        pages.navigateBy(() -> pages.waitFor(By.id("register-integration")).click());

        assertThat(pages.attribute(By.id("outcome-status"), "data-status")).isEqualTo("ERROR");
        assertThat(pages.text(By.id("outcome-reason"))).contains("InvoiceWrite");
        assertThat(pages.all(By.id("verify-again"))).hasSize(1);
        pages.assertCleanPage();
        pages.screenshot("wizard-refused");

        pages.open("/onboarding");
        pages.navigateBy(() -> pages.waitFor(By.id("next")).click());
        String token = ksefToken(nip, List.of("InvoiceWrite", "InvoiceRead"));
        pages.waitFor(By.id("ksefToken")).sendKeys(token);
        pages.navigateBy(() -> pages.waitFor(By.id("register-integration")).click());
        assertThat(pages.textOf(By.id("onboarding-refusal"))).as("a second integration in the same context").isNotBlank();
        assertThat(pages.all(By.id("ksefToken"))).as("the token form, again").hasSize(1);
        assertThat(pages.driver().getPageSource()).as("the token is never echoed").doesNotContain(token);
        pages.assertCleanPage();
    }

    @Test
    void aTenantsPersonCannotReachAnotherTenantsInvoiceByUrl() {
        Tenant other = client.onboard("Psi sp. z o.o.", randomNip());
        String theirs = client.submitInvoice(other, SampleInvoices.fa3(other.nip(), "FV/PSI/" + System.nanoTime(),
                LocalDate.now()), "application/xml").body().path("commandId").asText();

        pages.logIn(manager, password);
        pages.open("/invoices/" + theirs);

        assertThat(pages.textOf(By.id("error-message"))).isEqualTo("Nie ma takiej faktury u tego klienta.");
        pages.open("/invoices/" + theirs + "/xml");
        assertThat(pages.textOf(By.id("error-message"))).isEqualTo("Nie ma takiej faktury u tego klienta.");
    }

    @Test
    void aManagerVerifiesTheIntegrationWhileAViewerSeesNoActionAndIsRefusedOne() {
        pages.logIn(manager, password);
        pages.open("/integrations");
        pages.waitFor(By.cssSelector("button.verify")).click();

        assertThat(pages.textOf(By.id("done"))).isEqualTo("Gotowe: integracja sprawdzona.");
        assertThat(pages.attribute(By.id("done"), "data-done")).isEqualTo("verify");
        assertThat(pages.attribute(By.cssSelector(".integration-status"), "data-status")).isEqualTo("ACTIVE");
        pages.assertCleanPage();
        pages.screenshot("integrations-manager");
        pages.logOut();

        pages.logIn(viewer, password);
        pages.open("/integrations");
        assertThat(pages.textOf(By.cssSelector(".integration-status"))).isEqualTo("Aktywna");
        assertThat(pages.all(By.cssSelector("button.verify, button.disable, button.enable, button.rotate"))).isEmpty();
        pages.assertCleanPage();
        pages.screenshot("integrations-viewer");
        pages.open("/inbox");
        pages.waitFor(By.tagName("h1"));
        assertThat(pages.all(By.id("sync-now"))).as("no sync button for a viewer").isEmpty();
        postWithTheLogoutFormsToken("/integrations/" + tenant.integrationId() + "/verify");
        assertThat(driver.getPageSource()).contains("Access Denied");
    }

    @Test
    void aManagerStartsAnInboxSyncAndReadsTheNotifications() {
        pages.logIn(manager, password);
        pages.open("/inbox");
        pages.waitFor(By.id("sync-now")).click();

        assertThat(pages.textOf(By.cssSelector("#sync-started, #sync-running"))).isNotBlank();
        assertThat(pages.path()).isEqualTo("/inbox");
        pages.assertCleanPage();
        pages.screenshot("inbox");
        pages.open("/notifications");
        assertThat(pages.textOf(By.tagName("h1"))).isEqualTo("Powiadomienia");
        assertThat(pages.all(By.cssSelector("#notifications li, #no-notifications"))).isNotEmpty();
        pages.assertCleanPage();
        pages.screenshot("notifications");
    }

    @Test
    void aManagerFiltersTheInboxBySellerAndReadsAReceivedInvoicesTotals() throws Exception {
        Tenant receiving = client.onboard("Kappa Księgowość sp. z o.o.", randomNip());
        String itsManager = person(Role.MANAGER, receiving.tenantId());
        String seller = randomNip();
        String otherSeller = randomNip();
        seedInbox(receiving.nip(), List.of(seller, otherSeller), 4);

        pages.logIn(itsManager, password);
        pages.syncInboxUntil(By.cssSelector("#received .received-invoice"), Duration.ofSeconds(120));
        pages.waitFor(By.id("sellerNip")).sendKeys("12345" + Keys.ENTER);
        assertThat(pages.textOf(By.id("sellerNip-error"))).as("refused in the console").isNotBlank();
        assertThat(pages.all(By.id("received"))).isEmpty();
        WebElement nip = pages.waitFor(By.id("sellerNip"));
        nip.clear();
        pages.navigateBy(() -> nip.sendKeys(seller.substring(0, 3) + "-" + seller.substring(3) + Keys.ENTER));

        List<WebElement> rows = pages.all(By.cssSelector("#received .received-invoice"));
        assertThat(rows).as("two of the four invoices are this seller's").hasSize(2).allSatisfy(row ->
                assertThat(row.findElement(By.className("seller")).getText()).contains(seller));
        pages.assertCleanPage();
        pages.screenshot("inbox-filtered");
        pages.navigateBy(() -> rows.get(0).findElement(By.className("open-invoice")).click());

        String ksefNumber = pages.textOf(By.id("ksef-number"));
        assertThat(pages.text(By.cssSelector("#seller .party-id"))).endsWith(seller);
        assertThat(pages.all(By.cssSelector("#lines .line"))).hasSize(1);
        pages.assertCleanPage();
        assertThat(pages.text(By.id("invoice-type"))).isEqualTo("Faktura");
        pages.screenshot("inbox-invoice", 1050);
        pages.waitFor(By.id("download-xml")).click();
        String xml = new String(downloaded(ksefNumber + ".xml"), StandardCharsets.UTF_8);
        assertThat(ConsolePages.plainSpaces(pages.text(By.id("total-gross")))).isEqualTo(polishAmount(p15(xml)) + " zł");
        pages.waitFor(By.cssSelector("#raw-xml summary")).click();
        assertThat(pages.text(By.cssSelector("#raw-xml pre"))).contains("<P_15>" + p15(xml) + "</P_15>");
    }

    @Test
    void aManagerReadsTheAuditLogOfItsKsefCallsWithTheIntegrationThatMadeThem() {
        pages.logIn(manager, password);
        // the vault's logins for the onboarding verification are KSeF calls of this tenant, audited
        pages.reloadUntil("/audit?eventType=KsefCallRecorded", By.cssSelector("#audit-rows .audit-row"),
                Duration.ofSeconds(60));

        assertThat(pages.all(By.cssSelector("#audit-rows .audit-event-type")))
                .allSatisfy(type -> {
                    assertThat(type.getAttribute("data-event-type")).isEqualTo("KsefCallRecorded");
                    assertThat(type.getText()).isEqualTo("Wywołanie KSeF");
                });
        assertThat(pages.all(By.cssSelector("#audit-rows .audit-row"))).allSatisfy(row -> assertThat(
                row.findElement(By.className("audit-integration")).getText()).as(row.getText())
                .isEqualTo(tenant.integrationId()));
        assertThat(pages.all(By.cssSelector("#audit-rows .audit-actor"))).isNotEmpty()
                .allSatisfy(actor -> assertThat(actor.getText()).isNotBlank());
        pages.assertCleanPage();
        pages.screenshot("audit");
    }

    @Test
    void locksAPersonOutAfterFiveWrongPasswords() {
        String person = person(Role.VIEWER, tenant.tenantId());
        for (int attempt = 1; attempt <= 5; attempt++) {
            pages.logIn(person, "not the password " + attempt);
            assertThat(pages.textOf(By.id("login-error"))).isEqualTo("Błędny login lub hasło.");
        }

        pages.logIn(person, password);

        assertThat(pages.textOf(By.id("login-locked"))).contains("konto jest na jakiś czas zablokowane");
        pages.assertCleanPage();
        pages.screenshot("login-locked");
    }

    @Test
    void anOperatorActsForTheTenantUnderAPlainBannerUntilItEnds() {
        pages.logIn(operator, password);
        pages.waitFor(By.id("q")).sendKeys(tenant.nip());
        // the unfiltered list already holds #tenants: wait for the search's page, not the one being left
        pages.navigateBy(() -> pages.waitFor(By.cssSelector("form.filters button")).click());
        pages.waitFor(By.cssSelector("#tenants"));
        assertThat(pages.all(By.cssSelector("#tenants tbody tr"))).as("the search's one tenant").hasSize(1);
        pages.waitFor(By.cssSelector("#tenant-" + tenant.tenantId() + " button.act-for")).click();

        String banner = pages.textOf(By.id("acting-for"));
        assertThat(banner).contains("Omega Rachunkowość sp. z o.o.", tenant.tenantId());
        assertThat(pages.path()).isEqualTo("/dashboard");
        pages.assertCleanPage();
        pages.screenshot("operator-acting");
        pages.open("/integrations");
        assertThat(pages.textOf(By.id("acting-for"))).startsWith("Działasz w imieniu klienta Omega Rachunkowość sp. z o.o.");
        assertThat(pages.all(By.cssSelector("button.verify"))).hasSize(1);

        pages.waitFor(By.id("end-acting")).click();

        pages.waitFor(By.id("q"));
        assertThat(pages.path()).isEqualTo("/operator/tenants");
        assertThat(pages.all(By.id("acting-for"))).isEmpty();
        pages.open("/invoices");
        assertThat(pages.path()).as("no tenant page without a tenant").isEqualTo("/operator/tenants");
    }

    @Test
    void aPersonSwitchesToEnglishAndBackSeeingTheHeaderAndDatesInEachLanguage() {
        pages.logIn(manager, password);
        pages.open("/integrations");
        String changedAt = pages.waitFor(By.cssSelector("#integration-" + tenant.integrationId() + " dd[data-at]"))
                .getAttribute("data-at");
        ZonedDateTime warsaw = OffsetDateTime.parse(changedAt).atZoneSameInstant(ZoneId.of("Europe/Warsaw"));

        assertSpeaks("pl", "Faktury", "Integracje z KSeF", warsaw.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")));
        pages.navigateBy(() -> pages.waitFor(By.id("lang-en")).click());
        assertSpeaks("en", "Invoices", "KSeF integrations", warsaw.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        assertThat(driver.manage().getCookieNamed("KSEF_CONSOLE_LANG").getValue()).isEqualTo("en");
        pages.screenshot("integrations-en");
        pages.open("/dashboard");
        assertThat(pages.language()).as("the choice kept by the cookie").isEqualTo("en");
        assertThat(pages.textOf(By.tagName("h1"))).isEqualTo("Dashboard");
        pages.assertCleanPage();

        pages.open("/integrations");
        pages.navigateBy(() -> pages.waitFor(By.id("lang-pl")).click());
        assertSpeaks("pl", "Faktury", "Integracje z KSeF", warsaw.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")));
        pages.open("/dashboard");
        assertThat(pages.textOf(By.tagName("h1"))).isEqualTo("Pulpit");

        pages.open("/onboarding/credential?environment=TEST&scopes=InvoiceWrite&kind=KSEF_TOKEN");
        pages.navigateBy(() -> pages.waitFor(By.id("lang-en")).click());
        assertThat(pages.language()).isEqualTo("en");
        assertThat(pages.textOf(By.id("chosen-scopes"))).as("the wizard's choice kept by the switch").isEqualTo("InvoiceWrite");
        assertThat(pages.text(By.id("token-instructions"))).contains("Generate a token (Tokeny → Generuj token)");
        pages.navigateBy(() -> pages.waitFor(By.id("lang-pl")).click());
        assertThat(pages.text(By.id("token-instructions"))).contains("Wygeneruj token (Tokeny → Generuj token)");
    }

    /** The page's language, its header, its heading and the integration's last change as a person reads them. */
    private void assertSpeaks(String language, String invoicesLink, String heading, String changedAt) {
        assertThat(pages.language()).isEqualTo(language);
        assertThat(pages.path()).isEqualTo("/integrations");
        assertThat(pages.text(By.cssSelector("header.top nav a[href='/invoices']"))).isEqualTo(invoicesLink);
        assertThat(pages.text(By.tagName("h1"))).isEqualTo(heading);
        assertThat(pages.text(By.cssSelector("#integration-" + tenant.integrationId() + " dd[data-at]"))).isEqualTo(changedAt);
        pages.assertCleanPage();
    }

    @Test
    void anOperatorSeesEachConsumerGroupsLagAndADeadLetterWithItsReason() throws Exception {
        String commandId = UUID.randomUUID().toString();
        publishUndecodableCommand(UUID.randomUUID().toString(), commandId);
        pages.logIn(operator, password);

        pages.reloadUntil("/operator/health", By.xpath("//tr[@class='dead-letter'][td[text()='" + commandId + "']]"),
                Duration.ofSeconds(60));

        assertThat(pages.textOf(By.cssSelector("#group-tenant-worker td:nth-child(2)"))).isEqualTo("STABLE");
        assertThat(Integer.parseInt(pages.textOf(By.cssSelector("#group-tenant-worker td:nth-child(3)")))).isPositive();
        assertThat(pages.all(By.cssSelector("#consumer-groups tbody tr"))).hasSize(5);
        assertThat(pages.textOf(By.xpath("//tr[@class='dead-letter'][td[text()='" + commandId + "']]/td[@class='reason']")))
                .contains("undecodable command");
        assertThat(pages.all(By.id("backlog-unavailable"))).as("the backlog read from tenant-worker").isEmpty();
        assertThat(pages.all(By.id("backlog")).size() + pages.all(By.id("no-backlog")).size()).isEqualTo(1);
        pages.assertCleanPage();
        pages.screenshot("operator-health");
    }

    @Test
    void anOperatorActingForATenantDisablesItsIntegrationAndTheTenantsDashboardShowsIt() throws Exception {
        Tenant other = client.onboard("Sigma Biuro Rachunkowe s.c.", randomNip());
        String otherManager = person(Role.MANAGER, other.tenantId());
        pages.logIn(operator, password);
        pages.waitFor(By.id("q")).sendKeys(other.nip());
        pages.navigateBy(() -> pages.waitFor(By.cssSelector("form.filters button")).click());
        pages.navigateBy(() -> pages.waitFor(By.cssSelector("#tenant-" + other.tenantId() + " button.act-for")).click());
        pages.open("/integrations");

        pages.navigateBy(() -> pages.waitFor(By.cssSelector("button.disable")).click());

        assertThat(pages.waitFor(By.cssSelector(".integration-status")).getDomAttribute("data-status")).isEqualTo("DISABLED");
        pages.navigateBy(() -> pages.waitFor(By.id("end-acting")).click());
        pages.logOut();
        pages.logIn(otherManager, password);
        pages.open("/dashboard");
        WebElement shown = pages.waitFor(By.cssSelector("#integrations-needing-action li.integration-needing-action"));
        assertThat(shown.getDomAttribute("data-status")).isEqualTo("DISABLED");
        assertThat(pages.textOf(By.cssSelector("#integrations-needing-action li.integration-needing-action")))
                .contains(other.nip(), "Wyłączona");
        pages.assertCleanPage();
    }

    @Test
    void refusesAFormPostedWithoutItsCsrfToken() {
        pages.logIn(viewer, password);
        pages.waitFor(By.cssSelector("form.logout"));

        driver.executeScript("const f = document.createElement('form'); f.method = 'post'; f.action = '/logout';"
                + " document.body.appendChild(f); f.submit();");

        pages.waitFor(By.tagName("body"));
        pages.open("/invoices");
        assertThat(pages.path()).as("still logged in: the logout without a token was refused").isEqualTo("/invoices");
    }

    @Test
    void answersWithTheSecurityHeaders() throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.CONSOLE) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void anOperatorFiltersIntegrationAccountsDisablesOneSeesItAuditedAndRotatesTheMasterKey() {
        Tenant kappa = client.onboard("Kappa Księgowość sp. z o.o.", randomNip());
        OperatorScreens screens = new OperatorScreens(pages);
        pages.logIn(operator, password);
        pages.open("/operator/tenants?q=" + kappa.nip());
        pages.navigateBy(() -> pages.waitFor(By.cssSelector("#tenant-" + kappa.tenantId() + " a.tenant-accounts")).click());

        screens.filter("CERTIFICATE", "ACTIVE");
        assertThat(pages.all(By.id("no-accounts"))).as("the tenant has no certificate account").hasSize(1);
        screens.filter("KSEF_TOKEN", "ACTIVE");
        assertThat(screens.statusOf(kappa.integrationId())).isEqualTo("ACTIVE");
        assertThat(pages.textOf(screens.account(kappa.integrationId()))).contains("Kappa Księgowość", kappa.nip(),
                "Własny token KSeF");
        pages.assertCleanPage();
        pages.screenshot("operator-integrations");

        screens.act(kappa.integrationId(), "disable");
        assertThat(pages.waitFor(By.id("outcome")).getDomAttribute("data-done")).isEqualTo("disable");
        assertThat(pages.all(screens.account(kappa.integrationId()))).as("ACTIVE filter kept: it left the list").isEmpty();
        screens.filter("KSEF_TOKEN", "DISABLED");
        assertThat(screens.statusOf(kappa.integrationId())).isEqualTo("DISABLED");
        pages.assertCleanPage();
        pages.navigateBy(() -> pages.waitFor(By.cssSelector("#account-" + kappa.integrationId() + " a.view-audit")).click());
        pages.reloadUntil(pages.path() + "?tenantId=" + kappa.tenantId() + "&integrationId=" + kappa.integrationId(),
                By.xpath("//tr[td/span[@data-event-type='IntegrationStatusChanged']]/td/span[@data-actor-type='STAFF']"),
                Duration.ofSeconds(60));
        pages.assertCleanPage();

        screens.startRotation(2);
        assertThat(pages.textOf(By.id("rotation-refused"))).contains("credentials.vault.master-keys.2");
        pages.assertCleanPage();
        screens.startRotation(1);
        assertThat(screens.awaitRotationFinished(Duration.ofSeconds(60))).isEqualTo("COMPLETED");
        assertThat(pages.textOf(By.id("rotation-failed"))).isEqualTo("0");
        assertThat(pages.textOf(By.id("rotation-rewrapped"))).isEqualTo(pages.textOf(By.id("rotation-total")));
        pages.assertCleanPage();
        pages.screenshot("operator-master-key");
    }

    @Test
    void aManagerOnboardsWithACertificateFileThroughTheWizardToAnActiveIntegration() throws Exception {
        String nip = randomNip();
        String newcomer = person(Role.MANAGER, registerTenantWithoutIntegration("Chi Certyfikaty sp. z o.o.", nip));
        String filePassword = "p12-" + UUID.randomUUID();
        Path file = ConsoleCertificates.pkcs12(downloads, nip, filePassword);

        pages.logIn(newcomer, password);
        pages.open("/onboarding");
        pages.waitFor(By.id("kind-CERTIFICATE")).click();
        pages.navigateBy(() -> pages.waitFor(By.id("next")).click());
        pages.waitFor(By.id("pkcs12")).sendKeys(file.toString());
        pages.waitFor(By.id("certificate-password")).sendKeys(filePassword);
        pages.assertCleanPage();
        pages.screenshot("wizard-certificate");
        pages.navigateBy(() -> pages.waitFor(By.id("register-certificate")).click());

        assertThat(pages.attribute(By.id("outcome-status"), "data-status")).isEqualTo("ACTIVE");
        assertThat(pages.text(By.id("outcome-status"))).isEqualTo("Aktywna");
        assertThat(pages.driver().getPageSource()).as("the password is never echoed").doesNotContain(filePassword);
        pages.assertCleanPage();
        pages.open("/integrations");
        assertThat(pages.all(By.cssSelector("form input[name=pkcs12]"))).as("the certificate can be replaced").hasSize(1);
        pages.assertCleanPage();
    }

    @Test
    void theWizardRefusesACertificateFileInPolishSayingWhatToDo() throws Exception {
        String nip = randomNip();
        String newcomer = person(Role.MANAGER, registerTenantWithoutIntegration("Psi Pieczęcie s.c.", nip));
        Path otherCompanys = ConsoleCertificates.pkcs12(downloads, randomNip(), "right-password");

        pages.logIn(newcomer, password);
        pages.open("/onboarding/credential?environment=TEST&scopes=InvoiceWrite&kind=CERTIFICATE");
        pages.waitFor(By.id("pkcs12")).sendKeys(otherCompanys.toString());
        pages.waitFor(By.id("certificate-password")).sendKeys("wrong-password");
        pages.navigateBy(() -> pages.waitFor(By.id("register-certificate")).click());

        assertThat(pages.textOf(By.id("onboarding-refusal"))).startsWith("Hasło nie otwiera tego pliku");
        pages.waitFor(By.id("pkcs12")).sendKeys(otherCompanys.toString());
        pages.waitFor(By.id("certificate-password")).sendKeys("right-password");
        pages.navigateBy(() -> pages.waitFor(By.id("register-certificate")).click());
        assertThat(pages.textOf(By.id("onboarding-refusal"))).contains("a nie dla NIP tego klienta (" + nip + ")");
        assertThat(pages.driver().getPageSource()).doesNotContain("right-password");
        assertThat(pages.all(By.id("certificate-password"))).as("the form again, empty").singleElement()
                .satisfies(input -> assertThat(input.getAttribute("value")).isEmpty());
        pages.assertCleanPage();
        pages.screenshot("wizard-certificate-refused");
    }

    @Test
    void anOperatorsActingForATenantIsInTheTenantsAuditLogInBothLanguages() {
        pages.logIn(operator, password);
        pages.waitFor(By.id("q")).sendKeys(tenant.nip());
        pages.navigateBy(() -> pages.waitFor(By.cssSelector("form.filters button")).click());
        pages.navigateBy(() -> pages.waitFor(By.cssSelector("#tenant-" + tenant.tenantId() + " button.act-for")).click());
        pages.waitFor(By.id("acting-for"));
        pages.navigateBy(() -> pages.waitFor(By.id("end-acting")).click());
        pages.waitFor(By.id("q"));
        pages.logOut();

        pages.logIn(manager, password);
        By ended = By.cssSelector("#audit-rows .audit-event-type[data-event-type='StaffActingEnded']");
        pages.reloadUntil("/audit?eventType=StaffActingEnded", ended, Duration.ofSeconds(60));
        WebElement endRow = pages.waitFor(By.xpath("//tr[contains(@class,'audit-row')]"
                + "[.//span[@data-event-type='StaffActingEnded']]"));
        assertThat(endRow.getText()).contains("Pracownik platformy przestał działać w imieniu klienta",
                "staff.act-for.end", "Pracownik platformy", tenant.tenantId());
        pages.open("/audit?eventType=StaffActingStarted");
        assertThat(pages.text(By.cssSelector("#audit-rows .audit-event-type[data-event-type='StaffActingStarted']")))
                .isEqualTo("Pracownik platformy zaczął działać w imieniu klienta");
        assertThat(pages.attribute(By.cssSelector("#audit-rows .audit-actor span[data-actor-type]"), "data-actor-type"))
                .isEqualTo("STAFF");
        pages.assertCleanPage();
        pages.screenshot("audit-acting");
        pages.navigateBy(() -> pages.waitFor(By.id("lang-en")).click());
        assertThat(pages.text(By.cssSelector("#audit-rows .audit-event-type[data-event-type='StaffActingStarted']")))
                .isEqualTo("Staff started acting for the tenant");
        pages.assertCleanPage();
        pages.navigateBy(() -> pages.waitFor(By.id("lang-pl")).click());
    }

    @Test
    void anOperatorReDrivesADeadLetterFromTheHealthPageAndSeesTheOutcome() throws Exception {
        String nip = randomNip();
        String tenantId = registerTenantWithoutIntegration("Theta Księgowość s.c.", nip);
        String commandId = DeadLetterCommands.publishSubmitInvoice(stack.kafkaBootstrapServers(), tenantId, nip);
        pages.logIn(operator, password);
        String deadLetter = pages.reloadUntil("/operator/health", By.xpath("//tr[@class='redrivable'][td[@class='command']"
                + "[text()='" + commandId + "']]"), Duration.ofSeconds(90)).getDomAttribute("data-dead-letter");
        String row = "//tr[@data-dead-letter='" + deadLetter + "']";
        assertThat(pages.textOf(By.xpath(row + "/td[@class='reason']"))).contains("tenant-violation");
        pages.waitFor(By.xpath(row + "//input[@name='note']")).sendKeys("integracja klienta już jest");

        pages.navigateBy(() -> pages.waitFor(By.xpath(row + "//button[@class='redrive-button']")).click());

        assertThat(pages.textOf(By.id("redrive-outcome"))).contains(deadLetter, "opublikowano ponownie");
        assertThat(pages.textOf(By.xpath(row + "//p[@class='redriven']"))).startsWith("Wysłane ponownie przez");
        assertThat(pages.all(By.xpath(row + "//button"))).isEmpty();
        pages.assertCleanPage();
        pages.screenshot("operator-redrive");
    }

    /** A form the page did not offer, carrying the page's real CSRF token: only the server's role check stops it. */
    @Test
    void theDashboardShowsTheInboxArrivalsAndTheKsefBudgetTheSyncUsed() throws Exception {
        Tenant receiving = client.onboard("Lambda Rachunki sp. z o.o.", randomNip());
        String itsViewer = person(Role.VIEWER, receiving.tenantId());
        String itsManager = person(Role.MANAGER, receiving.tenantId());
        seedInbox(receiving.nip(), List.of(randomNip()), 3);
        pages.logIn(itsManager, password);
        pages.syncInboxUntil(By.cssSelector("#received .received-invoice"), Duration.ofSeconds(120));
        pages.logOut();

        pages.logIn(itsViewer, password);
        DashboardPanels panels = new DashboardPanels(pages);
        panels.awaitArrivals("month", 3);
        panels.awaitBudgetOf("invoiceExport");

        assertThat(panels.arrivals("week")).isEqualTo(3);
        assertThat(panels.arrivals("today")).isBetween(0, 3);
        int[] exports = panels.awaitSpentThisHour("invoiceExport", 1);
        assertThat(exports[0]).as("the sync's exports are counted").isLessThan(exports[1]);
        assertThat(panels.nextCall("invoiceExport")).as("calls are left: the next may go now").isEqualTo("teraz");
        assertThat(pages.all(By.id("budget-waiting"))).as("KSeF's limit not reached").isEmpty();
        pages.navigateBy(() -> pages.waitFor(By.id("arrivals-inbox-link")).click());
        assertThat(pages.path()).isEqualTo("/inbox");
        pages.open("/dashboard");
        pages.assertCleanPage();
        pages.screenshot("dashboard-arrivals-budget", 1900);
    }

    private void postWithTheLogoutFormsToken(String action) {
        driver.executeScript("const token = document.querySelector('form.logout input[name=_csrf]').value;"
                + " const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                + " const t = document.createElement('input'); t.type = 'hidden'; t.name = '_csrf'; t.value = token;"
                + " f.appendChild(t); document.body.appendChild(f); f.submit();", action);
        pages.waitFor(By.tagName("body"));
    }

    private static String registerTenantWithoutIntegration(String name, String nip) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API) + "/admin/v1/tenants"))
                .header("Authorization", "Bearer " + stack.secrets().adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name, "nip", nip)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("tenantId").asText();
    }

    /** A KSeF token the taxpayer generated in (simulated) KSeF with these permissions. */
    private static String ksefToken(String nip, List<String> permissions) throws Exception {
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.SIMULATOR) + "/sim/v1/ksef-tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("contextNip", nip, "permissions", permissions, "description", "console wizard")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        return JSON.readTree(token.body()).path("token").asText();
    }

    /** {@code POST /sim/v1/inbox/seed}: {@code count} invoices to {@code buyerNip}, the sellers taking turns. */
    private static void seedInbox(String buyerNip, List<String> sellerNips, int count) throws Exception {
        HttpResponse<String> seeded = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(Apps.SIMULATOR) + "/sim/v1/inbox/seed"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("buyerNip", buyerNip, "sellerNips", sellerNips, "count", count)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(201);
    }

    private static String p15(String xml) {
        Matcher p15 = Pattern.compile("<P_15>([^<]+)</P_15>").matcher(xml);
        assertThat(p15.find()).as(xml).isTrue();
        return p15.group(1);
    }

    /** 1 234,56: how the Polish write an amount (the console's PolishFormats, checked here on its own terms). */
    private static String polishAmount(String decimal) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(new BigDecimal(decimal));
    }

    private byte[] downloaded(String name) throws Exception {
        Path file = downloads.resolve(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(file).exists();
        return Files.readAllBytes(file);
    }

    /** Bytes that are no command envelope, as a broken upstream system might publish them. */
    private static void publishUndecodableCommand(String tenantId, String commandId) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers()),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>("ksef.commands.v1",
                    tenantId, "not a command envelope".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ksef-message-id", commandId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ksef-tenant-id", tenantId.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static String person(Role role, String tenantId) {
        String login = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        stack.context(Apps.CONSOLE).getBean(PersonRegistration.class)
                .register(new NewPerson(login, password, role, tenantId)).block(Duration.ofSeconds(10));
        return login;
    }

    private static String randomNip() {
        while (true) {
            String nip = Nip.withCheckDigit(String.format("%d%08d", 1 + RANDOM.nextInt(9), RANDOM.nextInt(100_000_000)));
            if (nip != null && nip.matches("[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}")) {
                return nip;
            }
        }
    }
}
