package dev.ksefplatform.systemtests;

import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.PlatformStack;
import dev.ksefplatform.deploy.StackSettings;
import dev.ksefplatform.ksef.id.Nip;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InboxSyncCompleted;
import dev.ksefplatform.schemas.v1.InboxSyncFailed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How long one tenant's inbox takes from "sync now" (REST) until sync-service's store holds every document, with
 * the official limits on: a documented harness printing figures, not a test (see README). Beside it, measured in
 * the same run, its ceiling: the moment the worker's {@code InboxSyncCompleted} is on the event log (the store cannot
 * be complete before the worker has emitted everything). A warm-up sync of {@code warm-up} invoices comes first.
 *
 * <pre>java … dev.ksefplatform.systemtests.InboxStoreBenchmark [invoices=100000] [warm-up=5000]</pre>
 */
public final class InboxStoreBenchmark {

    private static final Random RANDOM = new Random(20261203L);

    private final PlatformStack stack;
    private final PlatformClient platform;
    private final SimulatorSide ksef;

    private InboxStoreBenchmark(PlatformStack stack) {
        this.stack = stack;
        this.platform = new PlatformClient(stack);
        this.ksef = new SimulatorSide(stack);
    }

    public static void main(String[] args) throws Exception {
        int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        try (PlatformStack stack = PlatformStack.start(StackSettings.ephemeral(), line -> System.out.println("[stack] " + line),
                Map.of("sync.schedule.enabled", false, "logging.level.root", "WARN"), () -> { })) {
            InboxStoreBenchmark bench = new InboxStoreBenchmark(stack);
            System.out.println("warm-up:");
            bench.run(warmUp);
            System.out.println("measured:");
            bench.run(invoices);
        }
        System.exit(0);
    }

    private void run(int invoices) throws Exception {
        TenantRest tenant = new TenantRest(stack, platform.onboard("Bench " + UUID.randomUUID() + " sp. z o.o.", nip()));
        List<String> sellers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sellers.add(nip());
        }
        long seed0 = System.nanoTime();
        ksef.seed(tenant.tenant().nip(), sellers, invoices, null);
        System.out.printf("  seeded %,d invoices in %.1f s%n", invoices, seconds(seed0));
        try (LogWatch log = new LogWatch(stack.kafkaBootstrapServers(), tenant.tenant().tenantId())) {
            long t0 = System.nanoTime();
            TenantRest.Json started = tenant.post("/api/v1/inbox/sync", "{\"subjectType\":\"Subject2\"}");
            if (started.status() != 202) {
                throw new IllegalStateException("sync not started: " + started.body());
            }
            long stored = awaitRows(tenant.tenant().tenantId(), invoices, t0, log);
            report(tenant, invoices, t0, log.completedAt(), stored);
        }
    }

    private void report(TenantRest tenant, int invoices, long t0, long logDone, long storeDone) throws Exception {
        long rows = rows(tenant.tenant().tenantId());
        long tooMany = platform.get(Apps.SIMULATOR, "/sim/v1/stats?contextNip=" + tenant.tenant().nip(), null).body()
                .path("contexts").path(tenant.tenant().nip()).path("tooManyRequests").asLong();
        double toLog = (logDone - t0) / 1e9;
        double toStore = (storeDone - t0) / 1e9;
        System.out.printf("  %,d invoices: every row in sync-service's store %.1f s after POST /api/v1/inbox/sync "
                + "(%,.0f/s) | ceiling, InboxSyncCompleted on the log: %.1f s | store behind the log by %.1f s%n",
                invoices, toStore, invoices / toStore, toLog, toStore - toLog);
        System.out.printf("  rows %,d (missed %,d; doubled 0: (tenant, KSeF number) is the key), 429s %d, sync %s%n",
                rows, invoices - rows, tooMany, tenant.get("/api/v1/inbox/sync").get(1));
    }

    private long awaitRows(String tenantId, int invoices, long t0, LogWatch log) throws Exception {
        long deadline = t0 + Duration.ofMinutes(30).toNanos();
        while (rows(tenantId) < invoices) {
            log.poll();
            if (log.failed() || System.nanoTime() > deadline) {
                throw new IllegalStateException("store has " + rows(tenantId) + " of " + invoices + (log.failed()
                        ? " and the sync failed" : " after 30 min"));
            }
        }
        long done = System.nanoTime();
        while (log.completedAt() == 0) {
            log.poll();
        }
        return done;
    }

    private long rows(String tenantId) throws Exception {
        try (Connection db = stack.postgres().connect();
             PreparedStatement count = db.prepareStatement("SELECT count(*) FROM sync.documents_raw WHERE tenant_id = ?")) {
            count.setString(1, tenantId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String nip() {
        while (true) {
            String nip = Nip.withCheckDigit(String.format("%d%08d", 1 + RANDOM.nextInt(9), RANDOM.nextInt(100_000_000)));
            if (nip != null && nip.matches("[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}")) {
                return nip;
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Tails {@code ksef.events.v1} from its end for the tenant's {@code InboxSyncCompleted}/{@code InboxSyncFailed}. */
    private static final class LogWatch implements AutoCloseable {

        private final KafkaConsumer<String, EventEnvelope> consumer;
        private final String tenantId;
        private final AtomicLong completedAt = new AtomicLong();
        private boolean failed;

        LogWatch(String bootstrap, String tenantId) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "inbox-bench-" + UUID.randomUUID());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new EventEnvelopeDeserializer());
            this.tenantId = tenantId;
            consumer.subscribe(List.of(Topics.EVENTS.name()));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
        }

        void poll() {
            for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(Duration.ofMillis(100))) {
                Object payload = record.value().getPayload();
                if (tenantId.equals(record.value().getTenantId()) && payload instanceof InboxSyncCompleted) {
                    completedAt.compareAndSet(0, System.nanoTime());
                }
                failed |= tenantId.equals(record.value().getTenantId()) && payload instanceof InboxSyncFailed;
            }
        }

        long completedAt() {
            return completedAt.get();
        }

        boolean failed() {
            return failed;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
