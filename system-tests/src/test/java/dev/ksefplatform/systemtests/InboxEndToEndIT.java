package dev.ksefplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.deploy.PlatformStack;
import dev.ksefplatform.deploy.StackSettings;
import dev.ksefplatform.ksef.id.Nip;
import dev.ksefplatform.schemas.serde.CommandEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.SyncInbox;
import dev.ksefplatform.systemtests.TenantRest.Json;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inbox through the real pieces together: the simulator (official rate limits on, export packages capped at
 * 1,000 invoices so that one sync spans several export windows), tenant-worker's exports, the events on real Kafka,
 * sync-service's store on real PostgreSQL, and command-api's REST API, which is the only thing the tenant and these
 * assertions see. The scheduler is off in this stack, so every sync is one a tenant asked for over REST.
 */
class InboxEndToEndIT {

    private static final int PACKAGE = 1_000;
    private static final Random RANDOM = new Random(9_2026_12_03L); // not ReadSideIsolationIT's: one PostgreSQL per JVM

    private static PlatformStack stack;
    private static PlatformClient platform;
    private static SimulatorSide ksef;

    @BeforeAll
    static void startPlatform() {
        stack = PlatformStack.start(StackSettings.ephemeral(), line -> System.out.println("[stack] " + line),
                Map.of("simulator.export-max-invoices", PACKAGE, "sync.schedule.enabled", false), () -> { });
        platform = new PlatformClient(stack);
        ksef = new SimulatorSide(stack);
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aTenantsWholeInboxArrivesOnceByteForByteWhatArrivesMeanwhileNextTimeAndNeverAnotherTenants() throws Exception {
        TenantRest a = tenant("Omikron");
        List<String> aSellers = nips(5);
        ksef.seed(a.tenant().nip(), aSellers, 2_500, null);
        Map<String, String> before = ksef.hashesBySeller(aSellers);

        long t0 = System.nanoTime();
        String first = InboxSyncRest.start(a);
        Json second = a.post("/api/v1/inbox/sync", "{\"subjectType\":\"Subject2\"}");
        ksef.seed(a.tenant().nip(), aSellers, 30, 20); // arriving over 1.5 s, while the sync runs
        InboxSyncRest.awaitSynced(a, first);
        System.out.printf("FIGURE 2,500 received invoices, POST /api/v1/inbox/sync -> synced: %.1f s%n",
                (System.nanoTime() - t0) / 1e9);
        Map<String, String> afterFirst = listed(a);
        Map<String, String> all = awaitStored(aSellers, 2_530);
        String next = InboxSyncRest.start(a);
        InboxSyncRest.awaitSynced(a, next);

        assertThat(before).hasSize(2_500);
        assertThat(second.status()).as(second.body().toString()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.body().path("type").asText()).endsWith("/inbox-sync-running");
        assertThat(second.body().path("commandId").asText()).isEqualTo(first);
        assertThat(afterFirst).containsAllEntriesOf(before);
        assertThat(all).containsAllEntriesOf(afterFirst);
        assertExactlyOnceWithTheirDocuments(a, all);
        assertThat(syncCommands(a.tenant())).containsExactly(first, next);
        assertThat(ksef.stats(a.tenant().nip()).path("tooManyRequests").asLong()).isZero();

        TenantRest b = tenant("Pi");
        List<String> bSellers = nips(2);
        ksef.seed(b.tenant().nip(), bSellers, 40, null);
        InboxSyncRest.awaitSynced(b, InboxSyncRest.start(b));
        Map<String, String> bHeld = ksef.hashesBySeller(bSellers);
        assertThat(listed(b).keySet()).containsExactlyInAnyOrderElementsOf(bHeld.keySet());
        assertThat(listed(a).keySet()).doesNotContainAnyElementsOf(bHeld.keySet());
        String aNumber = before.keySet().iterator().next();
        assertThat(b.getAnswer("/api/v1/inbox/" + aNumber).status()).isEqualTo(404);
        assertThat(b.bytes("/api/v1/inbox/" + aNumber + "/xml").statusCode()).isEqualTo(404);
        String aCursor = a.get("/api/v1/inbox?limit=1").path("nextCursor").asText();
        assertThat(b.getAnswer("/api/v1/inbox?cursor=" + aCursor).status()).as("another tenant's cursor").isEqualTo(404);
    }

    @Test
    void aDisabledIntegrationIsNotSyncedAndOnceEnabledResumesFromItsHighWaterMark() throws Exception {
        TenantRest c = tenant("Rho");
        List<String> sellers = nips(2);
        ksef.seed(c.tenant().nip(), sellers, 50, null);
        JsonNode synced = InboxSyncRest.awaitSynced(c, InboxSyncRest.start(c));
        String mark = synced.path("highWaterMark").asText();

        ksef.integration(c.tenant().integrationId(), "disable");
        Json refused = syncOnceUnscheduled(c);
        ksef.seed(c.tenant().nip(), sellers, 20, 100);
        Map<String, String> held = awaitStored(sellers, 70);
        JsonNode stateWhileDisabled = InboxSyncRest.subject2(c);
        ksef.integration(c.tenant().integrationId(), "enable");
        ksef.integration(c.tenant().integrationId(), "verify");
        String resumed = InboxSyncRest.start(c);
        InboxSyncRest.awaitSynced(c, resumed);

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("type").asText()).endsWith("/inbox-sync-unavailable");
        assertThat(refused.body().path("detail").asText()).contains("DISABLED");
        assertThat(stateWhileDisabled.path("scheduled").asBoolean()).isFalse();
        assertThat(stateWhileDisabled.path("nextSyncAt").isNull()).isTrue();
        assertThat(stateWhileDisabled.path("highWaterMark").asText()).isEqualTo(mark);
        assertThat(syncCommands(c.tenant())).hasSize(2).endsWith(resumed);
        assertThat(syncInbox(resumed).getFromHighWaterMark()).isEqualTo(Instant.parse(mark));
        assertExactlyOnceWithTheirDocuments(c, held);
    }

    @Test
    void aStormOf5xxAndMaintenancePagesDuringASyncLosesAndDoublesNothing() throws Exception {
        TenantRest d = tenant("Sigma");
        List<String> sellers = nips(3);
        ksef.seed(d.tenant().nip(), sellers, 1_500, null);
        Map<String, String> held = ksef.hashesBySeller(sellers);

        List<JsonNode> ends = new ArrayList<>();
        ksef.faults(Map.of("errorRate", 0.15, "errorStatus", 503, "htmlRate", 0.05, "seed", 7));
        try {
            do { // as the tenant (or the schedule) would: a sync that ended failed is asked again
                ends.add(InboxSyncRest.awaitEnded(d, InboxSyncRest.start(d)));
            } while (ends.get(ends.size() - 1).path("consecutiveFailures").asInt() > 0 && ends.size() < 20);
        } finally {
            ksef.faults(null);
        }

        JsonNode stats = ksef.stats(d.tenant().nip());
        assertThat(stats.path("byStatus").path("503").asLong()).as("the storm reached the sync: %s", stats).isPositive();
        assertThat(stats.path("tooManyRequests").asLong()).isZero();
        assertThat(ends.get(ends.size() - 1).path("consecutiveFailures").asInt()).as(ends.toString()).isZero();
        assertExactlyOnceWithTheirDocuments(d, held);
        System.out.printf("FIGURE 5xx storm: %d sync(s) until one completed%n", ends.size());
    }

    /** Every invoice KSeF holds for the tenant is listed exactly once, and its XML is KSeF's, byte for byte. */
    private static void assertExactlyOnceWithTheirDocuments(TenantRest tenant, Map<String, String> held) throws Exception {
        Map<String, String> listed = listed(tenant);
        assertThat(listed).containsExactlyInAnyOrderEntriesOf(held);
        // four downloads in flight: one at a time, the thousands of round trips left the two cores half idle
        ExecutorService downloading = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> checks = new ArrayList<>();
            held.forEach((number, hash) -> checks.add(downloading.submit(() -> {
                HttpResponse<byte[]> xml = tenant.bytes("/api/v1/inbox/" + number + "/xml");
                assertThat(xml.statusCode()).isEqualTo(200);
                assertThat(sha256(xml.body())).as(number).isEqualTo(hash);
                assertThat(xml.headers().firstValue("Repr-Digest")).hasValue("sha-256=:" + hash + ":");
                return null;
            })));
            for (Future<?> check : checks) {
                try {
                    check.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError failed) {
                        throw failed;
                    }
                    throw e;
                }
            }
        } finally {
            downloading.shutdownNow();
        }
        SimulatorSide.Downloads downloads = ksef.downloads(tenant.tenant().nip());
        for (String number : sample(held.keySet(), 5)) {
            assertThat(tenant.bytes("/api/v1/inbox/" + number + "/xml").body()).as(number).isEqualTo(downloads.xml(number));
        }
    }

    /** KSeF number → sha256 of every item, paging with the cursor; fails on an item listed twice. */
    private static Map<String, String> listed(TenantRest tenant) {
        Map<String, String> items = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = tenant.get("/api/v1/inbox?limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(item -> assertThat(items.put(item.path("ksefNumber").asText(),
                    item.path("sha256").asText())).as("listed twice: %s", item).isNull());
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    /** Sync now, once GET /api/v1/inbox/sync shows that sync-service has folded the integration's change. */
    private static Json syncOnceUnscheduled(TenantRest tenant) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (InboxSyncRest.subject2(tenant).path("scheduled").asBoolean()) {
            assertThat(System.nanoTime()).as("still scheduled").isLessThan(deadline);
            InboxSyncRest.sleep(200);
        }
        return tenant.post("/api/v1/inbox/sync", "{\"subjectType\":\"Subject2\"}");
    }

    /** The simulator's invoices of the sellers, once there are {@code count} and all are past permanent storage. */
    private static Map<String, String> awaitStored(List<String> sellers, int count) {
        Map<String, String> held = ksef.hashesBySeller(sellers);
        assertThat(held).hasSize(count);
        InboxSyncRest.sleep(1_500); // seeded at 100/s from now on; KSeF shows an invoice from its permanent-storage date
        return held;
    }

    /** The command ids of every SyncInbox the tenant's syncs were given, in order. */
    private static List<String> syncCommands(Tenant tenant) {
        return commandsOf(tenant).stream().map(r -> r.value().getMessageId()).toList();
    }

    private static SyncInbox syncInbox(String commandId) {
        return KafkaLog.readAll(stack.kafkaBootstrapServers(), Topics.COMMANDS.name(), new CommandEnvelopeDeserializer())
                .stream().map(ConsumerRecord::value).filter(c -> c.getMessageId().equals(commandId))
                .map(c -> (SyncInbox) c.getPayload()).findFirst().orElseThrow();
    }

    private static List<ConsumerRecord<String, CommandEnvelope>> commandsOf(Tenant tenant) {
        return KafkaLog.readAll(stack.kafkaBootstrapServers(), Topics.COMMANDS.name(), new CommandEnvelopeDeserializer())
                .stream().filter(r -> r.value().getTenantId().equals(tenant.tenantId()))
                .filter(r -> r.value().getPayload() instanceof SyncInbox).toList();
    }

    private static List<String> sample(Set<String> numbers, int size) {
        List<String> all = new ArrayList<>(numbers);
        return IntStream.range(0, size).mapToObj(i -> all.get(RANDOM.nextInt(all.size()))).distinct().toList();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static TenantRest tenant(String name) {
        return new TenantRest(stack, platform.onboard(name + " sp. z o.o.", nips(1).get(0)));
    }

    private static List<String> nips(int count) {
        Set<String> nips = new HashSet<>();
        while (nips.size() < count) {
            String nip = Nip.withCheckDigit(String.format("%d%08d", 1 + RANDOM.nextInt(9), RANDOM.nextInt(100_000_000)));
            if (nip != null && nip.matches("[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}")) {
                nips.add(nip);
            }
        }
        return List.copyOf(nips);
    }
}
