package dev.ksefplatform.deploy;

import dev.ksefplatform.audit.AuditProjectorApplication;
import dev.ksefplatform.commandapi.CommandApiApplication;
import dev.ksefplatform.console.ConsoleApplication;
import dev.ksefplatform.credentials.CredentialServiceApplication;
import dev.ksefplatform.simulator.KsefSimulatorApplication;
import dev.ksefplatform.sync.SyncServiceApplication;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.worker.TenantWorkerApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in one JVM: a real Kafka broker (KRaft), a real PostgreSQL, the KSeF
 * simulator, the five services and the console, each in its own Spring context wired to the others over HTTP
 * and Kafka exactly as separate processes would be. Used by the local launcher and the system tests.
 */
public final class PlatformStack implements PlatformEndpoints, AutoCloseable {

    private final Map<String, ConfigurableApplicationContext> apps = new LinkedHashMap<>();
    private final Map<String, Integer> ports;
    private final StackSettings settings;
    private final String kafka;
    private final EmbeddedPostgres postgres;

    private final Map<String, Object> extra;

    private PlatformStack(StackSettings settings, Map<String, Integer> ports, String kafka, EmbeddedPostgres postgres,
                          Map<String, Object> extra) {
        this.extra = extra;
        this.settings = settings;
        this.ports = ports;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts everything; {@code progress} hears one line per step. */
    public static PlatformStack start(StackSettings settings, Consumer<String> progress) {
        return start(settings, progress, Map.of(), () -> { });
    }

    /**
     * Starts everything, with {@code extra} properties given to every app (e.g. logging), running
     * {@code beforeApps} once the infrastructure is up.
     */
    public static PlatformStack start(StackSettings settings, Consumer<String> progress, Map<String, Object> extra,
                                      Runnable beforeApps) {
        long t0 = System.nanoTime();
        progress.accept("starting Kafka (KRaft) and PostgreSQL ...");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> kafka = pool.submit(() -> EmbeddedKafka.start(settings.kafkaPort()).bootstrapServers());
            Future<EmbeddedPostgres> postgres = pool.submit(() -> EmbeddedPostgres.start(settings.postgresPort(), settings.dataDirectory()));
            PlatformStack stack = new PlatformStack(settings, pickPorts(settings), kafka.get(), postgres.get(), extra);
            progress.accept(String.format("Kafka at %s, PostgreSQL at %s (%.1f s)", stack.kafka, stack.postgres.jdbcUrl(), seconds(t0)));
            beforeApps.run();
            try {
                stack.startApps(pool, progress);
            } catch (ExecutionException | RuntimeException e) {
                // a half-started stack would keep consuming (e.g. a worker in the shared group) after the failure
                stack.close();
                throw e;
            }
            progress.accept(String.format("all services up in %.1f s", seconds(t0)));
            return stack;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the stack", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the stack failed to start: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    public String kafkaBootstrapServers() {
        return kafka;
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    @Override
    public String url(String app) {
        return "http://localhost:" + ports.get(app);
    }

    @Override
    public StackSettings.Secrets secrets() {
        return settings.secrets();
    }

    public ConfigurableApplicationContext context(String app) {
        return apps.get(app);
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(apps.keySet());
        java.util.Collections.reverse(names); // producers of work stop before what they depend on
        names.forEach(name -> apps.get(name).close());
        apps.clear();
    }

    private void startApps(ExecutorService pool, Consumer<String> progress) throws InterruptedException, ExecutionException {
        Map<String, Supplier<SpringApplicationBuilder>> builders = new LinkedHashMap<>();
        builders.put(Apps.SIMULATOR, KsefSimulatorApplication::builder);
        builders.put(Apps.CREDENTIAL_SERVICE, CredentialServiceApplication::builder);
        builders.put(Apps.SYNC_SERVICE, SyncServiceApplication::builder);
        builders.put(Apps.AUDIT_PROJECTOR, AuditProjectorApplication::builder);
        builders.put(Apps.COMMAND_API, CommandApiApplication::builder);
        builders.put(Apps.TENANT_WORKER, TenantWorkerApplication::builder);
        builders.put(Apps.CONSOLE, ConsoleApplication::builder);
        Map<String, Future<ConfigurableApplicationContext>> starting = new LinkedHashMap<>();
        for (var entry : builders.entrySet()) {
            String name = entry.getKey();
            starting.put(name, pool.submit(() -> {
                long t0 = System.nanoTime();
                ConfigurableApplicationContext context = entry.getValue().get()
                        .listeners(LoggingInitialisation.around()).run(arguments(properties(name)));
                progress.accept(String.format("  %-19s %s (%.1f s)", name, url(name), seconds(t0)));
                return context;
            }));
        }
        for (var entry : starting.entrySet()) {
            apps.put(entry.getKey(), entry.getValue().get());
        }
    }

    /** What each app needs to find the others; every value a plain property, as a deployment would set it. */
    private Map<String, Object> properties(String app) {
        StackSettings.Secrets s = settings.secrets();
        Map<String, Object> p = new HashMap<>(postgres.springProperties());
        p.putAll(extra);
        p.put("server.port", ports.get(app));
        p.put("spring.kafka.bootstrap-servers", kafka);
        p.put("ksef.services.credential-service.url", url(Apps.CREDENTIAL_SERVICE));
        p.put("ksef.services.sync-service.url", url(Apps.SYNC_SERVICE));
        p.put("ksef.services.audit-projector.url", url(Apps.AUDIT_PROJECTOR));
        p.put("ksef.services.tenant-worker.url", url(Apps.TENANT_WORKER));
        p.put("ksef.environments.TEST.base-url", url(Apps.SIMULATOR) + "/v2");
        p.put("commandapi.security.callers.admin", s.adminToken());
        p.put("commandapi.services.sync-service.token", s.commandApiToken());
        p.put("commandapi.services.credential-service.token", s.commandApiToken());
        p.put("commandapi.services.audit-projector.token", s.commandApiToken());
        p.put("commandapi.services.tenant-worker.token", s.commandApiToken());
        p.put("worker.security.callers.command-api", s.commandApiToken());
        p.put("credentials.security.callers.command-api", s.commandApiToken());
        p.put("credentials.security.callers.admin", s.adminToken());
        p.put("credentials.security.callers.tenant-worker", s.workerToken());
        p.put("credentials.vault.master-keys.1", s.masterKeyBase64());
        p.put("credentials.vault.current-version", "1");
        p.put("worker.services.credential-service.token", s.workerToken());
        p.put("sync.security.callers.command-api", s.commandApiToken());
        p.put("sync.security.callers.admin", s.adminToken());
        p.put("audit.security.callers.command-api", s.commandApiToken());
        p.put("audit.security.callers.admin", s.adminToken());
        p.put("commandapi.security.callers.console", s.consoleToken());
        p.put("console.command-api.token", s.consoleToken());
        p.put("ksef.services.command-api.url", url(Apps.COMMAND_API));
        return p;
    }

    /**
     * As command-line arguments: they outrank each service's own yml, where builder properties
     * would only be defaults the yml overrides.
     */
    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static Map<String, Integer> pickPorts(StackSettings s) {
        Map<String, Integer> ports = new HashMap<>();
        ports.put(Apps.SIMULATOR, orFree(s.simulatorPort()));
        ports.put(Apps.COMMAND_API, orFree(s.commandApiPort()));
        ports.put(Apps.CREDENTIAL_SERVICE, orFree(s.credentialServicePort()));
        ports.put(Apps.TENANT_WORKER, orFree(s.tenantWorkerPort()));
        ports.put(Apps.SYNC_SERVICE, orFree(s.syncServicePort()));
        ports.put(Apps.AUDIT_PROJECTOR, orFree(s.auditProjectorPort()));
        ports.put(Apps.CONSOLE, orFree(s.consolePort()));
        return ports;
    }

    /** Services learn each other's URLs before they start, so free ports are chosen up front. */
    private static int orFree(int port) {
        if (port > 0) {
            return port;
        }
        return dev.ksefplatform.testsupport.FreePorts.pick();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
