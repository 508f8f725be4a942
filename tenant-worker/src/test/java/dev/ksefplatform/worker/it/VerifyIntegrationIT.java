package dev.ksefplatform.worker.it;

import static dev.ksefplatform.worker.it.Commands.eventOf;
import static dev.ksefplatform.worker.it.Commands.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import dev.ksefplatform.schemas.v1.SubmissionsHeld;
import dev.ksefplatform.schemas.v1.SubmissionsResumed;
import dev.ksefplatform.schemas.v1.VerifyIntegration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code VerifyIntegration} commands and the worker's own re-check after KSeF refused a credential, over real Kafka,
 * PostgreSQL and the simulator, with credential-service's verify endpoint stubbed as it answers.
 */
class VerifyIntegrationIT {

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
    void aVerifyIntegrationCommandAsksCredentialServiceOnceEvenWhenItIsDownForAWhile() throws Exception {
        String integration = "int-" + UUID.randomUUID();
        env.credentials.knowIntegration(integration);
        env.credentials.failVerifications(2);
        CommandEnvelope command = verify("tenant-v1", integration);

        env.kafka.publish(command);
        env.kafka.publish(command);

        awaitState(command.getMessageId(), "DONE");
        assertThat(outcomeRow(command.getMessageId())).isEqualTo("ACTIVE");
        assertThat(env.credentials.verifications()).filteredOn(v -> v.endsWith(" " + integration))
                .containsOnly("tenant-v1 " + integration).hasSize(3);
    }

    @Test
    void aVerificationOfAnUnknownIntegrationIsDeadLetteredWithTheReason() {
        CommandEnvelope command = verify("tenant-v2", "int-nobody");

        env.kafka.publish(command);

        ConsumerRecord<String, byte[]> dead = env.kafka.awaitDeadLetter(r -> command.getMessageId().equals(
                MessageHeaders.get(r.headers(), MessageHeaders.MESSAGE_ID).orElse(null)));
        assertThat(dead.key()).isEqualTo("tenant-v2");
        Object event = env.kafka.awaitEvent(r -> command.getMessageId().equals(r.value().getCausationId()))
                .value().getPayload();
        assertThat(((CommandDeadLettered) event).getReason()).contains("int-nobody");
    }

    @Test
    void aRevokedGrantHoldsTheInvoicesUntilTheIntegrationVerifiesAgainAndOtherTenantsGoOn() throws Exception {
        String revoked = Nips.random();
        String other = Nips.random();
        env.credentials.revoke(revoked);
        List<CommandEnvelope> held = List.of(Commands.submit("tenant-v3", revoked), Commands.submit("tenant-v3", revoked));
        CommandEnvelope elsewhere = Commands.submit("tenant-v4", other);

        held.forEach(env.kafka::publish);
        env.kafka.publish(elsewhere);

        assertThat(env.kafka.awaitEvent(outcomeOf(elsewhere)).value().getPayload()).isInstanceOf(InvoiceAccepted.class);
        env.kafka.awaitEvent(r -> r.value().getPayload() instanceof SubmissionsHeld h && h.getContextNip().equals(revoked)
                && h.getReason().equals("INTEGRATION_NOT_ACTIVE"));
        assertThat(env.credentials.verifications()).contains("tenant-v3 " + CredentialServiceStub.integrationOf(revoked));
        assertThat(env.kafka.eventsSoFar()).noneMatch(r -> held.stream().anyMatch(c -> eventOf(c, InvoiceSent.class).test(r)
                || outcomeOf(c).test(r)));

        env.credentials.restore(revoked);

        for (CommandEnvelope command : held) {
            assertThat(env.kafka.awaitEvent(outcomeOf(command)).value().getPayload()).isInstanceOf(InvoiceAccepted.class);
        }
        env.kafka.awaitEvent(r -> r.value().getPayload() instanceof SubmissionsResumed s
                && s.getContextNip().equals(revoked));
    }

    private static CommandEnvelope verify(String tenant, String integration) {
        String id = UUID.randomUUID().toString();
        return CommandEnvelope.newBuilder().setMessageId(id).setTenantId(tenant).setCorrelationId(id)
                .setOccurredAt(Instant.now()).setSource("worker-it")
                .setPayload(VerifyIntegration.newBuilder().setIntegrationId(integration).setTrigger("REQUEST").build())
                .build();
    }

    private static void awaitState(String commandId, String state) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!state.equals(column(commandId, "state"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(commandId + " not " + state + " within 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static String outcomeRow(String commandId) throws Exception {
        return column(commandId, "outcome");
    }

    private static String column(String commandId, String column) throws Exception {
        try (Connection db = env.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT " + column + " FROM worker.verifications WHERE command_id = ?")) {
            query.setString(1, commandId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
