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

    /**
     * A killed worker's partitions move once the broker has missed its heartbeats for {@code session.timeout.ms}
     * (Kafka's default 45 s, over the 30 s a takeover may take): compose gives the worker 10 s, and so the suite.
     */
    private static Map<String, String> worker(String instance) {
        return Map.of("WORKER_INSTANCE_ID", instance);
    }
}
