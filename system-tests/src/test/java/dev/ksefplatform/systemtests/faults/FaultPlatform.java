package dev.ksefplatform.systemtests.faults;

import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.ProcessPlatform;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Every service as its own process, tenant-worker twice ({@link #WORKERS}), on the given Kafka and PostgreSQL. */
final class FaultPlatform {

    static final List<String> WORKERS = List.of("worker-a", "worker-b");
    private static final List<String> SINGLE = List.of(Apps.SIMULATOR, Apps.CREDENTIAL_SERVICE, Apps.SYNC_SERVICE,
            Apps.AUDIT_PROJECTOR, Apps.COMMAND_API);
    /**
     * A killed worker's partitions move once the broker has missed its heartbeats for {@code session.timeout.ms}:
     * Kafka's default 45 s is over the 30 s a takeover may take, so the suite sets 10 s as an operator would (README,
     * "Deploying"), through the environment.
     */
    static final Map<String, String> WORKER_SESSION_TIMEOUT = Map.of("SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "10000");

    private FaultPlatform() {
    }

    static ProcessPlatform start(String kafka, ProcessPlatform.Database database) {
        ProcessPlatform platform = new ProcessPlatform(kafka, database);
        try {
            SINGLE.forEach(platform::start);
            WORKERS.forEach(w -> platform.start(Apps.TENANT_WORKER, w, worker(w)));
            platform.processes().keySet().forEach(i -> platform.awaitReady(i, Duration.ofMinutes(5)));
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private static Map<String, String> worker(String instance) {
        Map<String, String> env = new java.util.HashMap<>(WORKER_SESSION_TIMEOUT);
        env.put("WORKER_INSTANCE_ID", instance);
        return env;
    }
}
