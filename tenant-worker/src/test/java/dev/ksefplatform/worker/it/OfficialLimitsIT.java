package dev.ksefplatform.worker.it;

import static dev.ksefplatform.worker.it.Commands.eventOf;
import static dev.ksefplatform.worker.it.Commands.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine against the simulator with KSeF's official rate limits on: a burst far above the online budget is
 * accepted whole, through a batch session, without a single 429 (the simulator counts every one it answers).
 */
class OfficialLimitsIT {

    private static WorkerHarness env;

    @BeforeAll
    static void start() throws Exception {
        env = new WorkerHarness(true);
        env.startWorker();
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @Test
    void threeHundredInvoicesOfOneTenantAreAllAcceptedWithoutA429() {
        String nip = Nips.random();
        List<CommandEnvelope> commands = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            commands.add(Commands.submit("limits-a", nip));
        }

        commands.forEach(env.kafka::publish);

        Set<String> numbers = commands.stream()
                .map(c -> ((InvoiceAccepted) env.kafka.awaitEvent(outcomeOf(c)).value().getPayload()).getKsefNumber())
                .collect(Collectors.toSet());
        assertThat(numbers).hasSize(300).allSatisfy(n -> assertThat(KsefNumber.isValid(n)).isTrue());
        Set<String> sessionTypes = commands.stream().map(c -> ((InvoiceSent) env.kafka.awaitEvent(
                eventOf(c, InvoiceSent.class)).value().getPayload()).getSessionType()).collect(Collectors.toSet());
        assertThat(sessionTypes).contains("Batch");
        JsonNode stats = env.simulatorStats(nip);
        assertThat(stats.path("tooManyRequests").asLong(-1)).isZero();
        assertThat(stats.path("invoicesReceived").asLong()).isEqualTo(300);
        assertThat(stats.path("receivedMoreThanOnce").size()).isZero();
    }

    /**
     * Tenant B's invoices, sent one by one while tenant A has 1,000 queued, are as fast as on an idle platform (worst
     * latency within 2 × the worst of the same sequence sent before A's backlog), on A's partition and on another.
     */
    @Test
    void aBacklogOfOneTenantDoesNotDelayAnother() {
        String a = "noisy-a";
        String samePartition = tenantOnPartition(env.kafka.commandPartitionOf(a), true);
        String otherPartition = tenantOnPartition(env.kafka.commandPartitionOf(a), false);
        worstLatency("warm-up", Nips.random(), 5);
        long idle = Math.max(worstLatency("idle-1", Nips.random(), 5), worstLatency("idle-2", Nips.random(), 5));
        String nipA = Nips.random();
        List<CommandEnvelope> backlog = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            backlog.add(Commands.submit(a, nipA));
        }

        backlog.forEach(env.kafka::publish);
        long same = worstLatency(samePartition, Nips.random(), 5);
        long other = worstLatency(otherPartition, Nips.random(), 5);

        System.out.printf("noisy neighbour: idle worst %d ms, same partition worst %d ms, other partition worst %d ms%n",
                idle, same, other);
        assertThat(same).isLessThanOrEqualTo(2 * idle);
        assertThat(other).isLessThanOrEqualTo(2 * idle);
        backlog.forEach(c -> assertThat(env.kafka.awaitEvent(outcomeOf(c)).value().getPayload())
                .isInstanceOf(InvoiceAccepted.class));
        JsonNode stats = env.simulatorStats(nipA);
        assertThat(stats.path("tooManyRequests").asLong(-1)).isZero();
        // once half the minute's batch sessions are spent the rest of the burst is gathered, not cut one batch per
        // Kafka poll: cut so, it spent the 20 calls KSeF allows a minute (an open and a close each), and the rest
        // waited up to a minute for the window
        long batchCalls = stats.path("byGroup").path("batchSession").asLong();
        System.out.printf("noisy neighbour: A's 1,000 invoices in %d batch-session calls%n", batchCalls);
        assertThat(batchCalls).isBetween(2L, 19L);
    }

    /** Publishes {@code count} invoices one after another, each once the previous is final; the slowest, in ms. */
    private static long worstLatency(String tenant, String nip, int count) {
        long worst = 0;
        for (int i = 0; i < count; i++) {
            CommandEnvelope command = Commands.submit(tenant, nip);
            long sent = System.currentTimeMillis();
            env.kafka.publish(command);
            var outcome = env.kafka.awaitEvent(outcomeOf(command));
            assertThat(outcome.value().getPayload()).isInstanceOf(InvoiceAccepted.class);
            worst = Math.max(worst, outcome.timestamp() - sent);
            System.out.printf("latency %s #%d: %d ms%n", tenant, i, outcome.timestamp() - sent);
        }
        return worst;
    }

    private static String tenantOnPartition(int partition, boolean same) {
        for (int i = 0; ; i++) {
            String tenant = "noisy-b-" + i;
            if ((env.kafka.commandPartitionOf(tenant) == partition) == same) {
                return tenant;
            }
        }
    }
}
