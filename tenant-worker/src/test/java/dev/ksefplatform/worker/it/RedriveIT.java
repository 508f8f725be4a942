package dev.ksefplatform.worker.it;

import static dev.ksefplatform.worker.it.Commands.eventOf;
import static dev.ksefplatform.worker.it.Commands.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operators' re-drives as the worker sees them (header {@code ksef-redrive-of}), over real Kafka, PostgreSQL and the
 * simulator: a command dead-lettered unsent runs again once, and nothing else ever does.
 */
class RedriveIT {

    private static WorkerHarness env;

    @BeforeAll
    static void start() throws Exception {
        env = new WorkerHarness(false);
        env.startWorker();
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @Test
    void anInvoiceDeadLetteredForAMissingIntegrationIsSentOnceWhenReDrivenTwiceAfterTheIntegrationIsRegistered()
            throws Exception {
        String nip = Nips.random();
        env.credentials.deny(nip);
        CommandEnvelope command = Commands.submit("tenant-r1", nip);
        env.kafka.publish(command);
        ConsumerRecord<String, byte[]> dead = deadLetterOf(command);
        assertThat(env.kafka.awaitEvent(outcomeOf(command)).value().getPayload()).isInstanceOf(CommandDeadLettered.class);

        env.credentials.register(nip);
        env.kafka.redrive(dead);
        env.kafka.redrive(dead);

        env.kafka.awaitEvent(eventOf(command, InvoiceAccepted.class));
        settle("tenant-r1", nip);
        assertThat(env.kafka.eventsSoFar()).filteredOn(outcomeOf(command)).extracting(r -> r.value().getPayload())
                .hasSize(2).first().isInstanceOf(CommandDeadLettered.class);
        assertThat(env.kafka.eventsSoFar()).filteredOn(eventOf(command, InvoiceSent.class)).hasSize(1);
        assertThat(acceptedBySimulator(nip)).isEqualTo(2); // the command and the settling one, each once
    }

    @Test
    void reDrivingACommandThatWasAcceptedIsRefusedWithANewDeadLetterAndNothingReachesKsef() throws Exception {
        String nip = Nips.random();
        CommandEnvelope command = Commands.submit("tenant-r2", nip);
        env.kafka.publish(command);
        env.kafka.awaitEvent(eventOf(command, InvoiceAccepted.class));

        env.kafka.publishRedrive(command, "ksef.commands.v1-dlt-0@424242");

        ConsumerRecord<String, byte[]> refused = deadLetterOf(command);
        assertThat(MessageHeaders.get(refused.headers(), "kafka_dlt-exception-message").orElseThrow())
                .contains("re-drive refused").contains("already ended ACCEPTED");
        ConsumerRecord<String, EventEnvelope> event = env.kafka.awaitEvent(eventOf(command, CommandDeadLettered.class));
        assertThat(((CommandDeadLettered) event.value().getPayload()).getReason()).contains("already ended ACCEPTED");
        settle("tenant-r2", nip);
        assertThat(env.kafka.eventsSoFar()).filteredOn(eventOf(command, InvoiceSent.class)).hasSize(1);
        assertThat(acceptedBySimulator(nip)).isEqualTo(2);
    }

    @Test
    void aReDriveOfACommandTheWorkerNeverTookIsRefused() {
        CommandEnvelope command = Commands.submit("tenant-r3", Nips.random());

        env.kafka.publishRedrive(command, "ksef.commands.v1-dlt-0@434343");

        ConsumerRecord<String, EventEnvelope> event = env.kafka.awaitEvent(eventOf(command, CommandDeadLettered.class));
        assertThat(((CommandDeadLettered) event.value().getPayload()).getReason())
                .contains("re-drive refused").contains("no record of command");
        assertThat(env.kafka.eventsSoFar()).noneMatch(eventOf(command, InvoiceSent.class));
    }

    private static ConsumerRecord<String, byte[]> deadLetterOf(CommandEnvelope command) {
        return env.kafka.awaitDeadLetter(r -> command.getMessageId().equals(
                MessageHeaders.get(r.headers(), MessageHeaders.MESSAGE_ID).orElse(null)));
    }

    /** Another invoice of the tenant and context, taken after everything published before it, and accepted. */
    private static void settle(String tenantId, String nip) {
        CommandEnvelope marker = Commands.submit(tenantId, nip);
        env.kafka.publish(marker);
        env.kafka.awaitEvent(eventOf(marker, InvoiceAccepted.class));
    }

    private static int acceptedBySimulator(String sellerNip) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                env.simulatorUrl.resolve("/sim/v1/invoices?sellerNip=" + sellerNip)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).size();
    }
}
