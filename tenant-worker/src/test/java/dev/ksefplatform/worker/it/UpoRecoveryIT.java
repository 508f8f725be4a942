package dev.ksefplatform.worker.it;

import static dev.ksefplatform.worker.it.Commands.eventOf;
import static dev.ksefplatform.worker.it.Commands.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.SentInvoiceStored;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.schemas.v1.UpoReceived;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sent XML and the UPO of an accepted invoice wait in the worker's database, not in a thread: a worker that stops
 * before publishing them leaves them to the next one, which renews an expired link within the budget and never sends
 * the invoice again.
 */
class UpoRecoveryIT {

    private static WorkerHarness env;

    @BeforeAll
    static void start() throws Exception {
        env = new WorkerHarness(false);
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @Test
    void aRestartedWorkerPublishesWhatItsPredecessorLeftPendingAndRenewsAnExpiredUpoLink() throws Exception {
        // given a worker whose UPO thread never gets to run, and an invoice it got accepted
        env.startWorker("--worker.upo.tick=1h");
        String nip = Nips.random();
        CommandEnvelope command = Commands.submit("tenant-r", nip);
        env.kafka.publish(command);
        InvoiceAccepted accepted = (InvoiceAccepted) env.kafka.awaitEvent(outcomeOf(command)).value().getPayload();
        assertThat(row(command, "state || ' ' || (xml IS NOT NULL) || ' ' || (upo_url IS NOT NULL)"))
                .isEqualTo("PENDING true true");
        env.stopWorkers();
        // the link KSeF gave has expired meanwhile (its "se" is in the past: storage answers 403)
        execute("UPDATE worker.upo_fetches SET upo_url = regexp_replace(upo_url, 'se=[0-9]+', 'se=1')"
                + " WHERE command_id = '" + command.getMessageId() + "'");

        // when another worker starts
        env.startWorker();

        // then it publishes the XML as sent and the UPO, once each, and never sends the invoice again
        SentInvoiceStored sent = (SentInvoiceStored) env.kafka.awaitEvent(eventOf(command, SentInvoiceStored.class))
                .value().getPayload();
        UpoReceived upo = (UpoReceived) env.kafka.awaitEvent(eventOf(command, UpoReceived.class)).value().getPayload();
        assertThat(bytes(sent.getXml())).isEqualTo(bytes(((SubmitInvoice) command.getPayload()).getInvoice().getXml()));
        assertThat(new String(bytes(upo.getUpo()), StandardCharsets.UTF_8)).contains(accepted.getKsefNumber());
        assertThat(row(command, "state || ' ' || (xml IS NULL) || ' ' || document_stored || ' ' || (attempts > 1)"))
                .isEqualTo("DONE true true true");
        WorkerHarness.sleep(1500);
        assertThat(env.kafka.eventsSoFar().stream().filter(eventOf(command, SentInvoiceStored.class))).hasSize(1);
        assertThat(env.kafka.eventsSoFar().stream().filter(eventOf(command, UpoReceived.class))).hasSize(1);
        assertThat(env.simulatorStats(nip).path("invoicesReceived").asLong()).isEqualTo(1);
    }

    private static String row(CommandEnvelope command, String expression) throws Exception {
        try (Connection c = env.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT " + expression + " FROM worker.upo_fetches WHERE command_id = '" + command.getMessageId() + "'")) {
            assertThat(rs.next()).as("a row for the accepted command").isTrue();
            return rs.getString(1);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = env.connect(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isEqualTo(1);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
