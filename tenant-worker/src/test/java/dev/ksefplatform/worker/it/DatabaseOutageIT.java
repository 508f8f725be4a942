package dev.ksefplatform.worker.it;

import static dev.ksefplatform.worker.it.Commands.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.worker.engine.application.CrashPoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worker's database goes away at the worst moments while the worker lives on — right after KSeF took an invoice
 * (the SENT row cannot be written), right after a verdict was read, right after a batch was closed — and comes back
 * four seconds later: every command still ends ACCEPTED exactly once, and KSeF received each invoice once. A lane
 * whose step failed half-way loads its rows again, so an invoice left SENDING is looked up in its session, never lost.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(4);
    private static WorkerHarness env;

    @BeforeAll
    static void start() throws Exception {
        env = new WorkerHarness(false);
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @AfterEach
    void stopWorkers() {
        env.stopWorkers();
    }

    @ParameterizedTest(name = "database gone at {0} #{1}, {2} invoices")
    @CsvSource({
            CrashPoints.AFTER_SEND + ",3,10",
            CrashPoints.AFTER_STATUS + ",2,10",
            CrashPoints.AFTER_BATCH_CLOSE + ",1,150"})
    void everyCommandEndsAcceptedOnceWhenTheDatabaseGoesAwayMidStep(String point, int nth, int invoices) {
        AtomicInteger reached = new AtomicInteger();
        // a connection is waited for one second, not Hikari's default thirty: the outage outlasts the wait, so the
        // step's next write fails rather than waits
        env.startWorker(at -> {
            if (at.equals(point) && reached.incrementAndGet() == nth) {
                env.databaseOutage(OUTAGE);
            }
        }, "--spring.datasource.hikari.connection-timeout=1000");
        String nip = Nips.random();
        List<CommandEnvelope> commands = new ArrayList<>();
        for (int i = 0; i < invoices; i++) {
            commands.add(Commands.submit("outage-" + point, nip));
        }
        commands.forEach(env.kafka::publish);

        Set<String> numbers = commands.stream().map(c -> {
            ConsumerRecord<String, EventEnvelope> outcome = env.kafka.awaitEvent(outcomeOf(c));
            assertThat(outcome.value().getPayload()).as("outcome of " + c.getMessageId()).isInstanceOf(InvoiceAccepted.class);
            return ((InvoiceAccepted) outcome.value().getPayload()).getKsefNumber();
        }).collect(Collectors.toSet());

        assertThat(reached.get()).as("the worker reached " + point).isGreaterThanOrEqualTo(nth);
        assertThat(numbers).hasSize(invoices);
        List<ConsumerRecord<String, EventEnvelope>> events = env.kafka.eventsSoFar();
        for (CommandEnvelope command : commands) {
            Set<String> finalEventIds = events.stream().filter(outcomeOf(command))
                    .map(r -> r.value().getMessageId()).collect(Collectors.toSet());
            assertThat(finalEventIds).as("final events of " + command.getMessageId()).hasSize(1);
        }
        JsonNode stats = env.simulatorStats(nip);
        assertThat(stats.path("invoicesReceived").asLong()).as("invoices KSeF received").isEqualTo(invoices);
        assertThat(stats.path("receivedMoreThanOnce").size()).as("invoices KSeF received twice").isZero();
    }
}
