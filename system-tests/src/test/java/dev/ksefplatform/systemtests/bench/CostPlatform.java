package dev.ksefplatform.systemtests.bench;

import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.ProcessPlatform;
import dev.ksefplatform.systemtests.faults.KafkaBroker;
import dev.ksefplatform.systemtests.faults.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * Everything as its own OS process, as the fault suite runs it: a PostgreSQL server, Kafka's own broker, the KSeF
 * simulator (limits lifted, delays 0) and each service from its exec jar with its compose environment.
 */
final class CostPlatform implements AutoCloseable {

    /** The platform's services, whose CPU is the platform's cost. */
    static final List<String> SERVICES = List.of(Apps.COMMAND_API, Apps.TENANT_WORKER, Apps.CREDENTIAL_SERVICE,
            Apps.SYNC_SERVICE, Apps.AUDIT_PROJECTOR);
    static final String KAFKA = "kafka-broker";
    static final String POSTGRES = "postgresql";
    static final String BENCH = "benchmark";

    /**
     * The server as production runs it: a commit returns once its WAL is flushed to the disk (zonky starts the
     * postmaster with {@code -F}, fsync off, and its builder sets {@code synchronous_commit} off; both are turned back
     * on here, a later {@code -c} wins), autovacuum looks every 2 s as the deployments set it; every statement counted
     * ({@link PostgresStatements}).
     */
    static final Map<String, String> POSTGRES_SETTINGS = Map.of("max_connections", "300", "fsync", "on",
            "synchronous_commit", "on", "autovacuum_naptime", "2s", "shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.track", "all", "pg_stat_statements.track_planning", "on");

    private final Path postgresData = freshDirectory("postgres");
    private final Path kafkaData = freshDirectory("kafka");
    private final Postgres postgres;
    private final KafkaBroker kafka = new KafkaBroker(kafkaData);
    private final List<String> services = new java.util.ArrayList<>(SERVICES);
    private ProcessPlatform platform;
    private boolean postgresStarted;

    /** {@code workers} tenant-worker instances: the first is {@code tenant-worker}, the next {@code tenant-worker-2}, … */
    static CostPlatform start(String jvmOptions, int workers, Map<String, String> workerEnvironment,
                              Map<String, String> postgresSettings) {
        CostPlatform stack = new CostPlatform(postgresSettings);
        stack.workerEnvironment.putAll(workerEnvironment);
        for (int i = 2; i <= workers; i++) {
            stack.services.add(Apps.TENANT_WORKER + "-" + i);
        }
        try {
            stack.startAll(jvmOptions);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private final Map<String, String> workerEnvironment = new java.util.LinkedHashMap<>();

    /** {@code postgresSettings} (bench.postgres) are added to, or override, {@link #POSTGRES_SETTINGS}. */
    private CostPlatform(Map<String, String> postgresSettings) {
        Map<String, String> settings = new LinkedHashMap<>(POSTGRES_SETTINGS);
        settings.putAll(postgresSettings);
        postgres = new Postgres(postgresData, settings);
    }

    private void startAll(String jvmOptions) {
        postgres.start();
        postgresStarted = true;
        SERVICES.forEach(app -> postgres.createLogin(login(app)));
        statements().install();
        kafka.startFresh();
        platform = new ProcessPlatform(kafka.bootstrapServers(), postgres.database());
        platform.start(Apps.SIMULATOR, Apps.SIMULATOR, Map.of("JAVA_TOOL_OPTIONS", jvmOptions,
                "SIMULATOR_RATE_LIMITS_ENABLED", "false", "SIMULATOR_PROCESSING_DELAY", "0ms", "SIMULATOR_AUTH_DELAY", "0ms"));
        services.forEach(instance -> platform.start(app(instance), instance, environment(instance, jvmOptions)));
        platform.processes().keySet().forEach(i -> platform.awaitReady(i, Duration.ofMinutes(5)));
    }

    /**
     * The worker as the engine benchmark runs it with limits lifted: verdicts polled from 100 ms up to 1 s (KSeF's
     * answer is immediate here), and a backlog over 100 goes as a batch (the simulator without limits reports none);
     * then {@code bench.workerEnv}'s variables, which may override these.
     */
    private Map<String, String> environment(String instance, String jvmOptions) {
        if (!app(instance).equals(Apps.TENANT_WORKER)) {
            return Map.of("JAVA_TOOL_OPTIONS", jvmOptions, "KSEF_DB_USERNAME", login(instance));
        }
        Map<String, String> env = new java.util.LinkedHashMap<>(Map.of("JAVA_TOOL_OPTIONS", jvmOptions,
                "WORKER_ENGINE_FIRST_POLL", "100ms", "WORKER_ENGINE_MAX_POLL", "1s",
                "WORKER_ENGINE_BATCH_ALWAYS_ABOVE", "100", "WORKER_INSTANCE_ID", instance,
                "KSEF_DB_USERNAME", login(instance)));
        env.putAll(workerEnvironment);
        return env;
    }

    /**
     * The service's PostgreSQL login: its name (every instance of a service shares it), which no migration's role
     * has ({@code audit_projector} is one).
     */
    private static String login(String instance) {
        return app(instance);
    }

    private static String app(String instance) {
        return instance.startsWith(Apps.TENANT_WORKER) ? Apps.TENANT_WORKER : instance;
    }

    /** The platform's processes whose CPU is the platform's cost: the services, every worker instance apart. */
    List<String> services() {
        return List.copyOf(services);
    }

    PlatformClient client() {
        return new PlatformClient(platform.endpoints());
    }

    String url(String app) {
        return platform.process(app).url();
    }

    Backlog backlog() {
        return new Backlog(postgres::connect);
    }

    PostgresWaits waits() {
        return new PostgresWaits(postgres::connect);
    }

    PostgresWal wal() {
        return new PostgresWal(postgres::connect);
    }

    PostgresMaintenance maintenance() {
        return new PostgresMaintenance(postgres::connect);
    }

    PostgresStatements statements() {
        return new PostgresStatements(postgres::connect);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** name → process id: the services, the simulator, the broker, PostgreSQL's postmaster and this JVM. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(instance -> pids.put(instance, platform.process(instance).pid()));
        pids.put(Apps.SIMULATOR, platform.process(Apps.SIMULATOR).pid());
        pids.put(KAFKA, kafka.pid());
        pids.put(POSTGRES, postgres.pid());
        pids.put(BENCH, ProcessHandle.current().pid());
        return pids;
    }

    /**
     * Freezes ({@code STOP}) or resumes ({@code CONT}) every tenant-worker instance: commands published while the
     * workers are frozen wait on the topic as a backlog. A short freeze is below every timeout that matters (the
     * consumer's session, 45 s; its poll interval, 5 min), and partition ownership has no lease to expire.
     */
    void signalWorkers(String signal) {
        for (String instance : services) {
            if (app(instance).equals(Apps.TENANT_WORKER)) {
                kill(signal, platform.process(instance).pid());
            }
        }
    }

    private static void kill(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " exited " + kill.exitValue());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every service and the simulator still running (a crash would make the figures meaningless). */
    boolean allAlive() {
        return platform.processes().values().stream().allMatch(dev.ksefplatform.deploy.ServiceProcess::alive);
    }

    @Override
    public void close() {
        if (platform != null) {
            platform.close();
        }
        kafka.close();
        if (postgresStarted) {
            postgres.close();
        }
        // a run leaves 1.5-1.7 GB (PostgreSQL's WAL and tables, the broker's log): seven runs had kept 11 GB
        deleteTree(postgresData);
        deleteTree(kafkaData);
    }

    private static void deleteTree(Path root) {
        try {
            FileSystemUtils.deleteRecursively(root);
        } catch (IOException e) {
            System.out.println("  (could not delete " + root + ": " + e.getMessage() + ")");
        }
    }

    private static Path freshDirectory(String name) {
        try {
            Files.createDirectories(Path.of("target", "bench-data"));
            return Files.createTempDirectory(Path.of("target", "bench-data"), name).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
