package dev.ksefplatform.deploy;

import dev.ksefplatform.deploy.files.ComposeFile;
import dev.ksefplatform.deploy.files.ProbePaths;
import dev.ksefplatform.deploy.files.Repository;
import dev.ksefplatform.testsupport.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform as separate OS processes on this machine, each configured only by the environment compose.yaml gives
 * its service (compose's host names and ports swapped for local ones, secrets fresh). An instance has a name of its
 * own ({@code tenant-worker-2}) so that one service can run several times; {@link #endpoints()} points at the
 * instance named like the app.
 */
public final class ProcessPlatform implements AutoCloseable {

    public static final Path LOGS = Path.of("target", "process-logs");
    public static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m";

    private final ComposeFile compose = ComposeFile.load(Repository.deploy("compose/compose.yaml"));
    private final StackSettings.Secrets secrets = StackSettings.Secrets.random();
    private final String firstOperatorPassword = StackSettings.Secrets.password();
    /** A fresh key sealing webhook secrets (AES-256), as compose's WEBHOOK_SECRETS_KEY_1. */
    private final String webhookKey = randomKey();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final String kafka;
    private final Database database;

    /** Where the services' shared PostgreSQL database answers. */
    public record Database(String host, int port, String username, String password) {
    }

    public ProcessPlatform(String kafkaBootstrapServers, Database database) {
        this.kafka = kafkaBootstrapServers;
        this.database = database;
    }

    /** Starts {@code app}'s exec jar as {@code instance} with its compose environment plus {@code extra}. */
    public synchronized ServiceProcess start(String app, String instance, Map<String, String> extra) {
        Map<String, String> env = localise(compose.environment(app, composeVariables()), instance);
        env.put("JAVA_TOOL_OPTIONS", JVM_OPTIONS);
        env.putAll(extra);
        ServiceProcess process = ServiceProcess.start(instance, Repository.execJar(app), env, LOGS);
        processes.put(instance, process);
        return process;
    }

    public ServiceProcess start(String app) {
        return start(app, app, Map.of());
    }

    /** Waits until the instance is ready (the simulator: healthy). */
    public void awaitReady(String instance, Duration timeout) {
        ServiceProcess process = processes.get(instance);
        process.awaitOk(instance.equals(Apps.SIMULATOR) ? ProbePaths.HEALTH : ProbePaths.READINESS, timeout);
    }

    public ServiceProcess process(String instance) {
        return processes.get(instance);
    }

    public Map<String, ServiceProcess> processes() {
        return processes;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    /** The password compose gives the console's first operator ({@code CONSOLE_FIRST_OPERATOR_PASSWORD}). */
    public String firstOperatorPassword() {
        return firstOperatorPassword;
    }

    public StackSettings.Secrets secrets() {
        return secrets;
    }

    public PlatformEndpoints endpoints() {
        return new PlatformEndpoints() {
            @Override
            public String url(String app) {
                return processes.get(app).url();
            }

            @Override
            public StackSettings.Secrets secrets() {
                return secrets;
            }
        };
    }

    /** As {@link #endpoints()}, but {@code app} is reached through its instance {@code instance} (e.g. a second one). */
    public PlatformEndpoints endpoints(String app, String instance) {
        PlatformEndpoints all = endpoints();
        return new PlatformEndpoints() {
            @Override
            public String url(String a) {
                return a.equals(app) ? processes.get(instance).url() : all.url(a);
            }

            @Override
            public StackSettings.Secrets secrets() {
                return secrets;
            }
        };
    }

    @Override
    public void close() {
        processes.values().forEach(ServiceProcess::close);
    }

    private synchronized int port(String instance) {
        return ports.computeIfAbsent(instance, i -> FreePorts.pick());
    }

    private Map<String, String> composeVariables() {
        return Map.of("POSTGRES_PASSWORD", database.password(), "ADMIN_TOKEN", secrets.adminToken(),
                "WORKER_TOKEN", secrets.workerToken(), "COMMAND_API_TOKEN", secrets.commandApiToken(),
                "VAULT_MASTER_KEY_1", secrets.masterKeyBase64(), "CONSOLE_TOKEN", secrets.consoleToken(),
                "CONSOLE_FIRST_OPERATOR_PASSWORD", firstOperatorPassword, "WEBHOOK_SECRETS_KEY_1", webhookKey);
    }

    /** Compose's host names become this machine's; every name stays as compose.yaml has it. */
    private Map<String, String> localise(Map<String, String> env, String instance) {
        Map<String, String> local = new LinkedHashMap<>();
        env.forEach((name, value) -> local.put(name, localHosts(value.replace("kafka:9092", kafka))));
        local.computeIfPresent("KSEF_DB_HOST", (k, v) -> database.host());
        local.computeIfPresent("KSEF_DB_PORT", (k, v) -> Integer.toString(database.port()));
        local.computeIfPresent("KSEF_DB_USERNAME", (k, v) -> database.username());
        local.put("SERVER_PORT", Integer.toString(port(instance)));
        return local;
    }

    private String localHosts(String value) {
        String v = value;
        for (String app : compose.services().keySet()) {
            if (v.contains("//" + app + ":")) {
                v = v.replaceAll("//" + app + ":\\d+", "//localhost:" + port(app));
            }
        }
        return v;
    }
}
