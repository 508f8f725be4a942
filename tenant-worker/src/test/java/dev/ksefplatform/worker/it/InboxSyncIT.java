package dev.ksefplatform.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InboxInvoiceReceived;
import dev.ksefplatform.schemas.v1.InboxSyncCompleted;
import dev.ksefplatform.schemas.v1.InboxSyncFailed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code SyncInbox} over real Kafka, PostgreSQL and the simulator with the official limits on, export packages capped
 * at 1,000 invoices so that one sync spans several windows: every invoice arrives exactly once, its XML hashed as
 * sent, and a later sync brings only what arrived since.
 */
class InboxSyncIT {

    private static WorkerHarness env;

    @BeforeAll
    static void start() throws Exception {
        env = new WorkerHarness(true, "--simulator.export-max-invoices=1000");
        env.startWorker();
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @Test
    void everyInvoiceOfSeveralWindowsArrivesExactlyOnceAndTheNextSyncBringsOnlyNewOnes() {
        String buyer = Nips.random();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        env.seedInbox("""
                {"buyerNip": "%s", "count": 2500, "from": "%s", "to": "%s"}""".formatted(buyer,
                now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.MINUTES)));
        CommandEnvelope first = sync("inbox-a", buyer, now.minus(3, ChronoUnit.HOURS));

        env.kafka.publish(first);

        InboxSyncCompleted completed = completion(first);
        List<InboxInvoiceReceived> received = receivedBy(first);
        assertThat(completed.getInvoicesReceived()).isEqualTo(2500);
        assertThat(received).hasSize(2500);
        assertThat(received.stream().map(InboxInvoiceReceived::getKsefNumber).distinct()).hasSize(2500);
        assertThat(received).allSatisfy(r -> {
            byte[] xml = bytes(r.getXml());
            assertThat(r.getInvoiceHash()).isEqualTo(Invoices.sha256(xml));
            assertThat(new String(xml, StandardCharsets.UTF_8)).contains(buyer);
            assertThat(r.getSubjectType()).isEqualTo("Subject2");
        });
        assertThat(env.simulatorStats(buyer).path("byEndpoint").path("POST /v2/invoices/exports").asInt())
                .isGreaterThanOrEqualTo(3);

        env.seedInbox("""
                {"buyerNip": "%s", "count": 30, "ratePerSecond": 200}""".formatted(buyer));
        WorkerHarness.sleep(1_000);
        CommandEnvelope second = sync("inbox-a", buyer, completed.getHighWaterMark());
        env.kafka.publish(second);

        assertThat(completion(second).getInvoicesReceived()).isEqualTo(30);
        Set<String> before = received.stream().map(InboxInvoiceReceived::getKsefNumber).collect(Collectors.toSet());
        assertThat(receivedBy(second)).hasSize(30).noneMatch(r -> before.contains(r.getKsefNumber()));
        assertThat(env.simulatorStats(buyer).path("tooManyRequests").asLong(-1)).isZero();
    }

    /**
     * A storm of 5xx answers and HTML pages: a sync either completes or ends failed (retryable), and the syncs the
     * scheduler issues next resume from the checkpoint until one completes — every invoice exactly once in the end.
     */
    @Test
    void syncsThroughAFaultStormLoseNothingAndDoubleNothing() {
        String buyer = Nips.random();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        env.seedInbox("""
                {"buyerNip": "%s", "count": 1500, "from": "%s", "to": "%s"}""".formatted(buyer,
                now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.MINUTES)));
        List<CommandEnvelope> syncs = new java.util.ArrayList<>();
        env.simulatorFaults("""
                {"errorRate": 0.15, "errorStatus": 503, "htmlRate": 0.05, "seed": 7}""");
        try {
            Object end = null;
            for (int attempt = 0; attempt < 20 && !(end instanceof InboxSyncCompleted); attempt++) {
                CommandEnvelope sync = sync("inbox-storm", buyer, now.minus(3, ChronoUnit.HOURS));
                syncs.add(sync);
                env.kafka.publish(sync);
                end = env.kafka.awaitEvent(r -> sync.getMessageId().equals(r.value().getCausationId())
                        && (r.value().getPayload() instanceof InboxSyncCompleted
                        || r.value().getPayload() instanceof InboxSyncFailed)).value().getPayload();
            }
            assertThat(end).isInstanceOf(InboxSyncCompleted.class);
        } finally {
            env.simulatorFaults(null);
        }

        List<InboxInvoiceReceived> received = syncs.stream().flatMap(s -> receivedBy(s).stream()).toList();
        assertThat(received).hasSize(1500);
        assertThat(received.stream().map(InboxInvoiceReceived::getKsefNumber).distinct()).hasSize(1500);
        System.out.printf("fault storm: %d syncs until one completed%n", syncs.size());
    }

    @Test
    void aSyncInboxDeliveredTwiceRunsOnce() {
        String buyer = Nips.random();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        env.seedInbox("""
                {"buyerNip": "%s", "count": 5, "from": "%s", "to": "%s"}""".formatted(buyer,
                now.minus(10, ChronoUnit.MINUTES), now.minus(1, ChronoUnit.MINUTES)));
        CommandEnvelope command = sync("inbox-b", buyer, now.minus(1, ChronoUnit.HOURS));

        env.kafka.publish(command);
        env.kafka.publish(command);
        completion(command);
        CommandEnvelope later = sync("inbox-b", Nips.random(), null);
        env.kafka.publish(later);
        env.kafka.awaitEvent(r -> later.getMessageId().equals(r.value().getCausationId())
                && (r.value().getPayload() instanceof InboxSyncCompleted || r.value().getPayload() instanceof InboxSyncFailed));

        long ends = env.kafka.eventsSoFar().stream().filter(r -> command.getMessageId().equals(r.value().getCausationId())
                && r.value().getPayload() instanceof InboxSyncCompleted).count();
        assertThat(ends).isEqualTo(1);
        assertThat(receivedBy(command)).hasSize(5);
    }

    @Test
    void aContextTheVaultRefusesEndsTheSyncFailedWithoutCallingKsefAndTheLeaseNamedTheCommand() {
        String buyer = Nips.random();
        env.credentials.deny(buyer);
        CommandEnvelope command = CommandEnvelope.newBuilder(sync("inbox-c", buyer, null))
                .setCorrelationId("flow-" + buyer).build();

        env.kafka.publish(command);

        ConsumerRecord<String, EventEnvelope> end = env.kafka.awaitEvent(r -> command.getMessageId().equals(
                r.value().getCausationId()) && r.value().getPayload() instanceof InboxSyncFailed);
        assertThat(((InboxSyncFailed) end.value().getPayload()).getReason()).isNotBlank();
        assertThat(end.value().getAudit().getTenantNip()).isEqualTo(buyer);
        assertThat(env.simulatorStats(buyer).path("requests").asLong()).isZero();
        assertThat(env.credentials.leaseCauses(buyer)).isNotEmpty()
                .containsOnly(command.getCorrelationId() + " " + command.getMessageId());
    }

    private static CommandEnvelope sync(String tenant, String contextNip, Instant from) {
        return Commands.syncInbox(tenant, contextNip, from);
    }

    private static InboxSyncCompleted completion(CommandEnvelope command) {
        Object payload = env.kafka.awaitEvent(r -> command.getMessageId().equals(r.value().getCausationId())
                && (r.value().getPayload() instanceof InboxSyncCompleted
                || r.value().getPayload() instanceof InboxSyncFailed)).value().getPayload();
        assertThat(payload).as("end of the sync").isInstanceOf(InboxSyncCompleted.class);
        return (InboxSyncCompleted) payload;
    }

    private static List<InboxInvoiceReceived> receivedBy(CommandEnvelope command) {
        return env.kafka.eventsSoFar().stream().filter(r -> command.getMessageId().equals(r.value().getCausationId()))
                .map(r -> r.value().getPayload()).filter(InboxInvoiceReceived.class::isInstance)
                .map(InboxInvoiceReceived.class::cast).toList();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
