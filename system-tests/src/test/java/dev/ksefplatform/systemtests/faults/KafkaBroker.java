package dev.ksefplatform.systemtests.faults;

import dev.ksefplatform.deploy.ProcessPlatform;
import dev.ksefplatform.deploy.files.Repository;
import dev.ksefplatform.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Kafka's own broker (KRaft, broker and controller in one) as an OS process: {@code kafka.Kafka} from the
 * {@code org.apache.kafka:kafka_2.13} artifact on this JVM's class path, its storage formatted by Kafka's
 * {@code StorageTool}, its topics created by the platform's {@code ksef-tools-exec.jar topics create}. Stopped and
 * started again on the same log directory and ports.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int port = FreePorts.pick();
    private final int controllerPort = FreePorts.pick();
    private final Path directory;
    private Process process;

    public KafkaBroker(Path directory) {
        this.directory = directory;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Formats the storage, starts the broker and creates the platform's topics. */
    public void startFresh() {
        writeConfiguration();
        run(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config().toString()), "kafka-format");
        start();
        run(List.of("-jar", Repository.execJar("tools", "ksef-tools-exec.jar").toString(), "topics", "create",
                "--bootstrap", bootstrapServers(), "--replication-factor", "1"), "kafka-topics");
    }

    /** Starts the broker on the existing log directory and waits until it answers. */
    void start() {
        ProcessBuilder builder = java(List.of("kafka.Kafka", config().toString()));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log("kafka").toFile()));
        try {
            process = builder.start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "kafka-kill"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka", e);
        }
        awaitAnswering(Duration.ofMinutes(2));
    }

    /** SIGTERM: Kafka's controlled shutdown; SIGKILL if it takes over 60 s. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** SIGKILL: the broker dies mid-write, as in a crash; its next start recovers the log it left unclean. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The broker's process id (its CPU time is read from /proc by the cost benchmark). */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private void awaitAnswering(Duration timeout) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with " + process.exitValue() + ", see " + log("kafka"));
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    Outcomes.pause(250);
                }
            }
        }
        throw new IllegalStateException("Kafka not answering after " + timeout + ", see " + log("kafka"));
    }

    private void run(List<String> arguments, String name) {
        try {
            Process tool = java(arguments).redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
            if (!tool.waitFor(2, TimeUnit.MINUTES) || tool.exitValue() != 0) {
                tool.destroyForcibly();
                throw new IllegalStateException(name + " failed:\n" + Files.readString(log(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private ProcessBuilder java(List<String> arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(arguments);
        return new ProcessBuilder(command);
    }

    private void writeConfiguration() {
        Map<String, String> settings = Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", directory.resolve("data").toAbsolutePath().toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("message.max.bytes", Integer.toString(dev.ksefplatform.schemas.topic.Topics.MAX_MESSAGE_BYTES)),
                Map.entry("auto.create.topics.enable", "false"));
        StringBuilder text = new StringBuilder();
        settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(directory);
            Files.writeString(config(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path config() {
        return directory.resolve("server.properties").toAbsolutePath();
    }

    private static Path log(String name) {
        try {
            Files.createDirectories(ProcessPlatform.LOGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProcessPlatform.LOGS.resolve(name + ".log").toAbsolutePath();
    }

    /**
     * Kafka's own random id, which never starts with '-': a hand-made base64 id did one time in 64, and the storage
     * tool then read it as an option ("argument --cluster-id/-t: expected one argument", a RestartsIT failure in CI).
     */
    private static String clusterId() {
        return Uuid.randomUuid().toString();
    }
}
