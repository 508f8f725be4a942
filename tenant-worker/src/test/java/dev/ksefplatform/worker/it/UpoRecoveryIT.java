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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

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

    @Test
    void aUpoKsefNeverServesIsGivenUpAfterItsTimeEndingLostAndCountedWithoutFailingOrResendingTheInvoice()
            throws Exception {
        env.stopWorkers();
        try {
            // given two accepted invoices whose UPO never names them (KSeF never serves theirs), one accepted long ago
            env.startWorker("--worker.upo.tick=1h");
            String nip = Nips.random();
            CommandEnvelope old = Commands.submit("tenant-lost", nip);
            CommandEnvelope young = Commands.submit("tenant-lost", nip);
            env.kafka.publish(old);
            env.kafka.publish(young);
            env.kafka.awaitEvent(outcomeOf(old));
            env.kafka.awaitEvent(outcomeOf(young));
            env.stopWorkers();
            for (CommandEnvelope command : List.of(old, young)) {
                execute("UPDATE worker.upo_fetches SET ksef_number = ksef_number || '-NEVER-SERVED' WHERE command_id = '"
                        + command.getMessageId() + "'");
            }
            execute("UPDATE worker.upo_fetches SET created_at = now() - interval '2 hours' WHERE command_id = '"
                    + old.getMessageId() + "'");

            // when a worker that gives a UPO up an hour after the acceptance works on them
            ConfigurableApplicationContext worker = env.startWorker("--worker.upo.give-up-after=1h");

            // then the old one ends LOST after its first failure, its XML as sent published; the young one is retried
            env.kafka.awaitEvent(eventOf(old, SentInvoiceStored.class));
            awaitState(old, "LOST");
            WorkerHarness.sleep(3000);
            assertThat(row(old, "state || ' ' || document_stored || ' ' || (lost_at IS NOT NULL) || ' ' || attempts"))
                    .isEqualTo("LOST true true 1");
            assertThat(row(old, "last_error")).contains("does not name");
            assertThat(row(young, "state || ' ' || (attempts > 1) || ' ' || (lost_at IS NULL)"))
                    .isEqualTo("PENDING true true");
            assertThat(metrics(worker).lines().filter(l -> l.startsWith("ksef_worker_upo_lost_total")))
                    .singleElement().asString().endsWith(" 1.0");
            // the command is not failed, nothing is published for its UPO, the invoice was sent once
            assertThat(env.kafka.eventsSoFar().stream().filter(outcomeOf(old))).hasSize(1);
            assertThat(env.kafka.eventsSoFar().stream().filter(eventOf(old, UpoReceived.class))).isEmpty();
            assertThat(env.simulatorStats(nip).path("invoicesReceived").asLong()).isEqualTo(2);
        } finally {
            env.stopWorkers();
        }
    }

    @Test
    void aUpoAnsweredWithoutItsHashIsRefusedAndFetchedAgainLater() throws Exception {
        env.stopWorkers();
        com.sun.net.httpserver.HttpServer storage = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        try {
            // given an accepted invoice whose UPO link leads to a storage that answers without x-ms-meta-hash at first
            env.startWorker("--worker.upo.tick=1h");
            String nip = Nips.random();
            CommandEnvelope command = Commands.submit("tenant-nohash", nip);
            env.kafka.publish(command);
            env.kafka.awaitEvent(outcomeOf(command));
            env.stopWorkers();
            byte[] upo = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(row(command, "upo_url"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            String hash = java.util.Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(upo));
            java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();
            storage.createContext("/upo.xml", exchange -> {
                if (answers.incrementAndGet() > 2) {
                    exchange.getResponseHeaders().add("x-ms-meta-hash", hash);
                }
                exchange.sendResponseHeaders(200, upo.length);
                exchange.getResponseBody().write(upo);
                exchange.close();
            });
            storage.start();
            execute("UPDATE worker.upo_fetches SET upo_url = 'http://127.0.0.1:" + storage.getAddress().getPort()
                    + "/upo.xml' WHERE command_id = '" + command.getMessageId() + "'");

            // when a worker fetches it
            env.startWorker();

            // then the answers without the hash are refused and retried, and the third, with it, is stored
            UpoReceived received = (UpoReceived) env.kafka.awaitEvent(eventOf(command, UpoReceived.class)).value()
                    .getPayload();
            assertThat(bytes(received.getUpo())).isEqualTo(upo);
            assertThat(answers.get()).isEqualTo(3);
            assertThat(row(command, "state || ' ' || attempts")).isEqualTo("DONE 3");
            assertThat(env.kafka.eventsSoFar().stream().filter(eventOf(command, UpoReceived.class))).hasSize(1);
        } finally {
            storage.stop(0);
            env.stopWorkers();
        }
    }

    private static void awaitState(CommandEnvelope command, String state) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!state.equals(row(command, "state"))) {
            assertThat(System.nanoTime()).as("the row of %s ends %s", command.getMessageId(), state).isLessThan(deadline);
            WorkerHarness.sleep(100);
        }
    }

    private static String metrics(ConfigurableApplicationContext worker) throws Exception {
        String port = worker.getEnvironment().getProperty("local.server.port");
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
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
