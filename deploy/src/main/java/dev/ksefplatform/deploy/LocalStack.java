package dev.ksefplatform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;

/**
 * README command 1: starts the whole platform on embedded defaults, onboards a demo tenant,
 * submits a sample invoice for it, prints its KSeF number, and keeps running until Ctrl-C.
 */
public final class LocalStack {

    /** A valid NIP (checksum) the KSeF docs use in their own examples. */
    static final String DEMO_NIP = "5265877635";
    static final String LOGBACK = "dev/ksefplatform/deploy/logback-local.xml";

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        long t0 = System.nanoTime();
        String logFile = Path.of(System.getProperty("ksef.local.log", "local-data/ksef-platform.log")).toAbsolutePath().toString();
        System.setProperty("ksef.local.log", logFile);
        System.setProperty("logback.configurationFile", LOGBACK);
        say("full log: " + logFile);
        // Fresh by default so every run shows the whole path; -Dksef.local.data=DIR keeps PostgreSQL's data.
        String data = System.getProperty("ksef.local.data");
        Path dataDirectory = data == null ? null : Path.of(data).toAbsolutePath();
        PlatformStack stack = PlatformStack.start(StackSettings.local(dataDirectory), LocalStack::say,
                java.util.Map.of("logging.config", "classpath:" + LOGBACK, "spring.main.banner-mode", "off",
                        "sync.webhooks.allow-private-addresses", "true"),
                () -> System.clearProperty("logback.configurationFile")); // Spring Boot takes logging.config from here on
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping every service ...");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));

        PlatformClient client = new PlatformClient(stack);
        say("onboarding demo tenant (NIP " + DEMO_NIP + ") ...");
        PlatformClient.Tenant tenant = client.onboard("Demo taxpayer " + System.currentTimeMillis(), DEMO_NIP);
        byte[] invoice = SampleInvoices.fa3(DEMO_NIP, "DEMO/" + System.currentTimeMillis(), LocalDate.now());
        PlatformClient.Answer accepted = client.submitInvoice(tenant, invoice, "application/xml");
        String commandId = accepted.body().path("commandId").asText();
        say("submitted sample invoice: HTTP " + accepted.status() + ", command " + commandId);
        JsonNode status = client.awaitFinalStatus(tenant, commandId, Duration.ofMinutes(2));
        say(String.format("invoice %s -> %s, KSeF number %s (%.1f s after start)",
                status.path("invoiceNumber").asText(), status.path("status").asText(),
                status.path("ksefNumber").asText(), (System.nanoTime() - t0) / 1e9));

        DemoPeople people = DemoPeople.register(stack, tenant);
        printWhereToLook(stack, tenant);
        people.print(stack.url(Apps.CONSOLE));
        stopped.await();
    }

    private static void printWhereToLook(PlatformStack stack, PlatformClient.Tenant tenant) {
        System.out.println();
        System.out.println("ksef-platform is running. Ctrl-C stops every process it started.");
        System.out.println("  command-api        " + stack.url(Apps.COMMAND_API) + "   (tenant REST API; OpenAPI at /v3/api-docs)");
        System.out.println("  credential-service " + stack.url(Apps.CREDENTIAL_SERVICE));
        System.out.println("  tenant-worker      " + stack.url(Apps.TENANT_WORKER) + "   (management only)");
        System.out.println("  sync-service       " + stack.url(Apps.SYNC_SERVICE));
        System.out.println("  audit-projector    " + stack.url(Apps.AUDIT_PROJECTOR));
        System.out.println("  console            " + stack.url(Apps.CONSOLE) + "   (web console for people; logins below)");
        System.out.println("  KSeF simulator     " + stack.url(Apps.SIMULATOR) + "/v2");
        System.out.println("  Kafka              " + stack.kafkaBootstrapServers());
        System.out.println("  PostgreSQL         " + stack.postgres().jdbcUrl() + " (user postgres / postgres)");
        System.out.println("  health / metrics   <service>/actuator/health, <service>/actuator/prometheus");
        System.out.println("  log                " + System.getProperty("ksef.local.log"));
        System.out.println();
        System.out.println("Demo tenant " + tenant.tenantId() + " (NIP " + tenant.nip() + "):");
        System.out.println("  export KSEF_API_KEY=" + tenant.apiKey());
        System.out.println("  curl -s -X POST " + stack.url(Apps.COMMAND_API) + "/api/v1/invoices -H \"X-API-Key: $KSEF_API_KEY\" \\");
        System.out.println("       -H 'Content-Type: application/xml' --data-binary @invoice.xml");
        System.out.println("Admin token for this run (admin APIs): " + stack.secrets().adminToken());
    }

    private static void say(String line) {
        System.out.println("[ksef-local] " + line);
    }
}
