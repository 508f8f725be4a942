package dev.ksefplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.deploy.files.Observability;
import dev.ksefplatform.deploy.files.ProbePaths;
import dev.ksefplatform.deploy.files.Repository;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every service and the simulator as separate OS processes from their exec jars, against this JVM's embedded Kafka
 * and PostgreSQL, configured only by the environment compose.yaml gives each service (host names and ports swapped
 * for local ones, secrets fresh): readiness, one invoice end to end, and the metric names each one exposes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServicesAsProcessesIT {

    static final List<String> APPS = List.of(Apps.SIMULATOR, Apps.CREDENTIAL_SERVICE, Apps.SYNC_SERVICE,
            Apps.AUDIT_PROJECTOR, Apps.COMMAND_API, Apps.TENANT_WORKER);
    static final Path LOGS = ProcessPlatform.LOGS;
    /** Metric names the running processes expose, per app; written for the dashboard check and for people. */
    static final Map<String, Set<String>> EXPOSED = new ConcurrentHashMap<>();

    private static ProcessPlatform platform;
    private static long startMillis;

    @BeforeAll
    static void startEveryServiceAsAProcess() {
        EmbeddedPostgres postgres = EmbeddedPostgres.get();
        platform = new ProcessPlatform(EmbeddedKafka.get().bootstrapServers(), new ProcessPlatform.Database(
                postgres.host(), postgres.port(), postgres.username(), postgres.password()));
        long t0 = System.nanoTime();
        APPS.forEach(platform::start);
        APPS.forEach(app -> platform.awaitReady(app, Duration.ofMinutes(5)));
        startMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("FIGURE six service processes ready in %.1f s%n", startMillis / 1000.0);
    }

    @AfterAll
    static void stopEveryProcess() {
        platform.close();
    }

    @Test
    @Order(1)
    void everyServiceIsLiveAndReadyOnTheProbePathsTheDeploymentFilesUse() {
        platform.processes().forEach((app, process) -> {
            for (String path : ProbePaths.of(app)) {
                // six JVMs, Kafka and PostgreSQL share two cores here: a probe may miss its 5 s once right after
                // start (seen once in CI: the worker's first health check waited for a new database connection)
                process.awaitOk(path, Duration.ofSeconds(30));
                var answer = process.get(path);
                assertThat(answer.statusCode()).as(app + " " + path).isEqualTo(200);
                assertThat(answer.body()).as(app + " " + path).contains("\"status\":\"UP\"");
            }
        });
    }

    @Test
    @Order(2)
    void anInvoiceTravelsThroughTheProcessesToKsefAndBack() {
        PlatformClient client = new PlatformClient(platform.endpoints());
        PlatformClient.Tenant tenant = client.onboard("Process tenant", LocalStack.DEMO_NIP);
        byte[] invoice = SampleInvoices.fa3(tenant.nip(), "PROC/" + System.currentTimeMillis(), LocalDate.now());
        long t0 = System.nanoTime();

        PlatformClient.Answer accepted = client.submitInvoice(tenant, invoice, "application/xml");
        JsonNode status = client.awaitFinalStatus(tenant, accepted.body().path("commandId").asText(), Duration.ofMinutes(2));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(status.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(status.path("ksefNumber").asText()).startsWith(tenant.nip() + "-");
        System.out.printf("FIGURE invoice accepted through separate processes in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        theProcessesLoggedItAsJsonWithItsIds(tenant, accepted.body().path("commandId").asText(),
                status.path("ksefNumber").asText());
    }

    /** compose's LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs: standard output is one JSON object a line, with the MDC ids. */
    private static void theProcessesLoggedItAsJsonWithItsIds(PlatformClient.Tenant tenant, String commandId,
                                                            String ksefNumber) {
        JsonLog published = JsonLog.await(Apps.COMMAND_API, l -> l.message().startsWith("command published")
                && commandId.equals(l.id("command.id")));
        JsonLog leased = JsonLog.await(Apps.CREDENTIAL_SERVICE, l -> l.message().startsWith("credential lease granted")
                && tenant.tenantId().equals(l.id("tenant.id")));
        // the worker's INFO line for UPOs is one per lane and round, naming each KSeF number (the line per invoice is DEBUG)
        JsonLog upo = JsonLog.await(Apps.TENANT_WORKER, l -> l.message().startsWith("UPOs stored")
                && l.message().contains(ksefNumber));

        assertThat(published.ids()).containsEntry("tenant.id", tenant.tenantId()).containsEntry("correlation.id", commandId);
        assertThat(leased.ids()).containsEntry("integration.id", tenant.integrationId())
                .containsEntry("ksef.context", "TEST/" + tenant.nip());
        assertThat(upo.ids()).containsEntry("tenant.id", tenant.tenantId())
                .containsEntry("command.id", "lane:TEST:" + tenant.nip())
                .containsEntry("integration.id", tenant.integrationId()).containsEntry("ksef.context", "TEST/" + tenant.nip());
        assertThat(upo.json().path("service").path("name").asText()).isEqualTo(Apps.TENANT_WORKER);
    }

    @Test
    @Order(3)
    void everyServiceExposesPrometheusMetrics() throws IOException {
        for (var entry : platform.processes().entrySet()) {
            var response = entry.getValue().get("/actuator/prometheus");
            assertThat(response.statusCode()).as(entry.getKey() + " /actuator/prometheus").isEqualTo(200);
            Set<String> names = new TreeSet<>(response.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).toList());
            EXPOSED.put(entry.getKey(), names);
            Files.createDirectories(LOGS);
            Files.write(LOGS.resolve(entry.getKey() + ".metrics.txt"), names);
            assertThat(names).as(entry.getKey()).contains("jvm_memory_used_bytes", "process_uptime_seconds");
        }
    }

    @Test
    @Order(4)
    void everyMetricTheDashboardsAndAlertRulesReadIsOneTheRunningServicesExpose() {
        Set<String> exposed = new TreeSet<>(Observability.PROMETHEUS_OWN);
        EXPOSED.values().forEach(exposed::addAll);
        exposed.addAll(Observability.REGISTERED_ON_FIRST_USE.keySet());

        assertThat(EXPOSED).hasSize(APPS.size());
        assertThat(exposed).containsAll(Observability.metricNames());
    }

    @Test
    @Order(5)
    void aServiceThatCannotReachItsDatabaseNeverReportsReadyAndExits() {
        Map<String, String> env = new LinkedHashMap<>(Map.of("SERVER_PORT", Integer.toString(freePort()),
                "KSEF_DB_HOST", "localhost", "KSEF_DB_PORT", Integer.toString(freePort()),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", EmbeddedKafka.get().bootstrapServers(),
                "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m"));
        try (ServiceProcess orphan = ServiceProcess.start("audit-projector-without-db", Repository.execJar(Apps.AUDIT_PROJECTOR), env, LOGS)) {
            boolean exited = orphan.awaitExit(Duration.ofMinutes(3));

            assertThat(exited).as("exited by itself").isTrue();
            assertThat(orphan.exitValue()).isNotZero();
            assertThat(orphan.status(ProbePaths.READINESS)).isZero();
        }
    }

    @Test
    @Order(6)
    void theTopicsJobsJarChecksTheBrokersTopicsAsItsOwnProcess() throws Exception {
        Process topics = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Repository.execJar("tools", "ksef-tools-exec.jar").toString(), "topics", "check",
                "--bootstrap", EmbeddedKafka.get().bootstrapServers()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(topics.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(topics.waitFor()).as(output).isZero();
        assertThat(output.lines().toList()).containsExactly("ok ksef.commands.v1 partitions=12",
                "ok ksef.commands.v1-retry partitions=12", "ok ksef.commands.v1-dlt partitions=12", "ok ksef.events.v1 partitions=12");
    }

    @Test
    @Order(7)
    void theConsoleRunsAsAProcessAndItsFirstOperatorLogsIn() throws Exception {
        platform.start(Apps.CONSOLE);
        platform.awaitReady(Apps.CONSOLE, Duration.ofMinutes(5));
        ServiceProcess console = platform.process(Apps.CONSOLE);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        String page = browser.send(HttpRequest.newBuilder(URI.create(console.url() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        String form = "username=operator&password=" + URLEncoder.encode(platform.firstOperatorPassword(), StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(console.url() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).as("compose's first operator, logged in").hasValue("/");
    }

    private static int freePort() {
        return dev.ksefplatform.testsupport.FreePorts.pick();
    }
}
