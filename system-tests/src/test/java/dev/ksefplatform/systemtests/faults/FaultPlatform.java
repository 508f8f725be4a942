package dev.ksefplatform.systemtests.faults;

import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.ProcessPlatform;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every service as its own process, tenant-worker and command-api twice ({@link #WORKERS}, {@link #GATEWAYS}), on the
 * given Kafka and PostgreSQL.
 */
final class FaultPlatform {

    static final List<String> WORKERS = List.of("worker-a", "worker-b");
    /** command-api's instances: stateless behind a load balancer, so a client may use either for anything. */
    static final List<String> GATEWAYS = List.of(Apps.COMMAND_API, "command-api-b");
    private static final List<String> SINGLE = List.of(Apps.SIMULATOR, Apps.CREDENTIAL_SERVICE, Apps.SYNC_SERVICE,
            Apps.AUDIT_PROJECTOR, Apps.COMMAND_API);

    private FaultPlatform() {
    }

    static ProcessPlatform start(String kafka, ProcessPlatform.Database database) {
        ProcessPlatform platform = new ProcessPlatform(kafka, database);
        try {
            SINGLE.forEach(platform::start);
            WORKERS.forEach(w -> platform.start(Apps.TENANT_WORKER, w, worker(w)));
            GATEWAYS.stream().skip(1).forEach(g -> platform.start(Apps.COMMAND_API, g, Map.of()));
            platform.processes().keySet().forEach(i -> platform.awaitReady(i, Duration.ofMinutes(5)));
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** One client per command-api instance, in the order of {@link #GATEWAYS}. */
    static List<PlatformClient> clients(ProcessPlatform platform) {
        return GATEWAYS.stream().map(g -> new PlatformClient(platform.endpoints(Apps.COMMAND_API, g))).toList();
    }

    /**
     * A killed worker's partitions move once the broker has missed its heartbeats for {@code session.timeout.ms}
     * (Kafka's default 45 s, over the 30 s a takeover may take): compose gives the worker 10 s, and so the suite.
     */
    private static Map<String, String> worker(String instance) {
        return Map.of("WORKER_INSTANCE_ID", instance);
    }
}
