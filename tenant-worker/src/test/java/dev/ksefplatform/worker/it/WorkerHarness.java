package dev.ksefplatform.worker.it;

import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.simulator.KsefSimulatorApplication;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.worker.TenantWorkerApplication;
import dev.ksefplatform.worker.engine.application.Engine;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real infrastructure for the worker's ITs: the shared embedded Kafka and PostgreSQL, a simulator of the test's own
 * (official limits on or lifted), the credential-service stub, and workers — each test class with a database and a
 * consumer group of its own, so no class sees another's commands or state.
 */
final class WorkerHarness implements AutoCloseable {

    final String bootstrap = EmbeddedKafka.get().bootstrapServers();
    final String database = "worker_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String group = "tenant-worker-" + database;
    /** The workers' base for temporary files: the build's directory, not the system's /tmp. */
    final Path scratch = Path.of("target", "worker-scratch", database).toAbsolutePath();
    final ConfigurableApplicationContext simulator;
    final URI simulatorUrl;
    final CredentialServiceStub credentials;
    final KafkaProbe kafka;
    private final List<ConfigurableApplicationContext> workers = new ArrayList<>();

    /** With a simulator already running elsewhere (e.g. its own process), at {@code simulatorUrl}. */
    WorkerHarness(URI externalSimulator) throws Exception {
        createDatabase(database);
        simulator = null;
        simulatorUrl = externalSimulator;
        credentials = new CredentialServiceStub(simulatorUrl);
        kafka = new KafkaProbe(bootstrap);
    }

    WorkerHarness(boolean officialLimits, String... simulatorArguments) throws Exception {
        createDatabase(database);
        List<String> simulatorArgs = new ArrayList<>(List.of("--server.port=0",
                "--simulator.rate-limits.enabled=" + officialLimits, "--simulator.processing-delay=50ms"));
        simulatorArgs.addAll(List.of(simulatorArguments));
        simulator = KsefSimulatorApplication.builder().run(simulatorArgs.toArray(String[]::new));
        simulatorUrl = URI.create("http://127.0.0.1:" + simulator.getEnvironment().getProperty("local.server.port"));
        credentials = new CredentialServiceStub(simulatorUrl);
        kafka = new KafkaProbe(bootstrap);
    }

    /** A worker of this class's group, started and owning its partitions before this returns. */
    ConfigurableApplicationContext startWorker(String... extra) {
        ConfigurableApplicationContext worker = TenantWorkerApplication.builder().run(arguments(extra));
        workers.add(worker);
        awaitPartitions();
        return worker;
    }

    /** As {@link #startWorker(String...)}, doing {@code crash} at the engine's crash points. */
    ConfigurableApplicationContext startWorker(dev.ksefplatform.worker.engine.application.CrashPoints crash,
                                               String... extra) {
        ConfigurableApplicationContext worker = TenantWorkerApplication.builder()
                .initializers(context -> context.getBeanFactory().registerSingleton("crashPoints", crash))
                .run(arguments(extra));
        workers.add(worker);
        awaitPartitions();
        return worker;
    }

    /**
     * A real outage of the worker's database, begun now: it takes no new connection and its open ones are ended (what
     * a PostgreSQL restart does to a client), until {@code outage} has passed.
     */
    void databaseOutage(java.time.Duration outage) {
        allowConnections(false);
        try (Connection c = EmbeddedPostgres.get().connect(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Thread back = new Thread(() -> {
            sleep(outage.toMillis());
            allowConnections(true);
        }, "database-back");
        back.setDaemon(true);
        back.start();
    }

    private void allowConnections(boolean allow) {
        try (Connection c = EmbeddedPostgres.get().connect(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS " + allow);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String[] arguments(String... extra) {
        Map<String, Object> args = new LinkedHashMap<>(EmbeddedPostgres.get().springProperties());
        args.put("ksef.db.name", database);
        args.put("server.port", 0);
        args.put("spring.kafka.bootstrap-servers", bootstrap);
        args.put("spring.kafka.consumer.group-id", group);
        args.put("spring.kafka.consumer.auto-offset-reset", "latest");
        args.put("spring.kafka.consumer.properties.session.timeout.ms", 6000);
        args.put("spring.kafka.consumer.properties.heartbeat.interval.ms", 1000);
        args.put("ksef.environments.TEST.base-url", simulatorUrl + "/v2");
        args.put("ksef.services.credential-service.url", credentials.url());
        args.put("worker.services.credential-service.token", CredentialServiceStub.CALLER_TOKEN);
        args.put("worker.ksef.temp-directory", scratch);
        args.put("worker.engine.retry-initial", "200ms");
        args.put("worker.engine.retry-max", "2s");
        args.put("worker.engine.first-poll", "100ms");
        args.put("worker.engine.max-poll", "1s");
        args.put("worker.engine.session-idle", "30s");
        // the simulator with its limits off reports limits no client reaches: backlogs of 100 still go as a batch
        args.put("worker.engine.batch-always-above", 100);
        List<String> others = new ArrayList<>();
        for (String e : extra) {
            // an extra --key=value replaces the default (Spring would join two values of one key with a comma)
            int eq = e.indexOf('=');
            if (e.startsWith("--") && eq > 0 && args.containsKey(e.substring(2, eq))) {
                args.put(e.substring(2, eq), e.substring(eq + 1));
            } else {
                others.add(e);
            }
        }
        List<String> list = new ArrayList<>();
        args.forEach((k, v) -> list.add("--" + k + "=" + v));
        list.addAll(others);
        return list.toArray(String[]::new);
    }

    /** Waits until the group's partitions are all owned, in the worker's database, by the instance {@code owner}. */
    void awaitPartitionsOwnedBy(String owner) throws SQLException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT count(*) FROM worker.partition_owners WHERE owner = '" + owner + "'");
                if (rs.next() && rs.getInt(1) >= Topics.DEFAULT_PARTITIONS) {
                    return;
                }
            } catch (SQLException notYetMigrated) {
                // the schema appears with the first worker
            }
            sleep(200);
        }
        throw new AssertionError("partitions not owned by " + owner + " within 90 s");
    }

    void stopWorkers() {
        workers.forEach(ConfigurableApplicationContext::close);
        workers.clear();
    }

    void awaitPartitions() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            int owned = workers.stream().filter(ConfigurableApplicationContext::isActive)
                    .mapToInt(w -> w.getBean(Engine.class).ownedPartitions().size()).sum();
            if (owned >= Topics.DEFAULT_PARTITIONS) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("the workers did not take all partitions within 60 s");
    }

    /** Seeds the simulator's inbox of {@code buyerNip} ({@code POST /sim/v1/inbox/seed}) with this JSON request. */
    void seedInbox(String request) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(simulatorUrl.resolve("/sim/v1/inbox/seed"))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(request)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("seed refused: " + response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sets the simulator's fault injection ({@code POST /sim/v1/faults}), or clears it when {@code json} is null. */
    void simulatorFaults(String json) {
        try {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                    simulatorUrl.resolve("/sim/v1/faults")).header("Content-Type", "application/json");
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(json == null
                    ? request.DELETE().build() : request.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("faults refused: " + response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The simulator's counters for one context ({@code /sim/v1/stats}): requests, 429s, invoices received. */
    com.fasterxml.jackson.databind.JsonNode simulatorStats(String contextNip) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(simulatorUrl.resolve("/sim/v1/stats?contextNip=" + contextNip))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body())
                    .path("contexts").path(contextNip);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Rows of the worker's database, for assertions. */
    Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    String jdbcUrl() {
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        return "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + database;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void createDatabase(String name) throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    @Override
    public void close() {
        workers.forEach(ConfigurableApplicationContext::close);
        kafka.close();
        credentials.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
