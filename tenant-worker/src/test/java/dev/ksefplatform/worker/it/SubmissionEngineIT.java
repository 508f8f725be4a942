package dev.ksefplatform.worker.it;

import static dev.ksefplatform.worker.it.Commands.eventOf;
import static dev.ksefplatform.worker.it.Commands.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.schemas.logging.LogScope;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceDuplicate;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import dev.ksefplatform.schemas.v1.SentInvoiceStored;
import dev.ksefplatform.schemas.v1.UpoReceived;
import dev.ksefplatform.schemas.v1.SessionOpened;
import dev.ksefplatform.schemas.v1.SubmissionsHeld;
import dev.ksefplatform.schemas.v1.SubmissionsResumed;
import dev.ksefplatform.testsupport.CapturedLogs;
import dev.ksefplatform.worker.engine.application.Engine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The submission engine over real Kafka, PostgreSQL and the simulator, with a stub credential-service. */
class SubmissionEngineIT {

    private static WorkerHarness env;

    @BeforeAll
    static void start() throws Exception {
        env = new WorkerHarness(false);
        worker = env.startWorker("--worker.metrics.period=200ms");
    }

    private static org.springframework.context.ConfigurableApplicationContext worker;

    @AfterAll
    static void stop() {
        env.close();
    }

    /**
     * Issue #8: the queue tables' plans follow their contents. Every connection the worker takes plans each execution
     * (no generic plan cached while the tables were empty), and its migrations ask autovacuum for fresh statistics.
     */
    @Test
    void theWorkersConnectionsPlanEachExecutionAndItsQueueTablesAreAnalysedOften() {
        org.springframework.jdbc.core.JdbcTemplate jdbc = worker.getBean(org.springframework.jdbc.core.JdbcTemplate.class);

        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
        assertThat(jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'worker' AND 'autovacuum_analyze_scale_factor=0.05' = ANY (c.reloptions)
                 ORDER BY 1""", String.class)).containsExactly("commands", "outbox", "upo_fetches");
    }

    @Test
    void invoicesOfATenantGoThroughOneReusedOnlineSession() {
        String nip = Nips.random();
        List<CommandEnvelope> commands = List.of(Commands.submit("tenant-a", nip), Commands.submit("tenant-a", nip),
                Commands.submit("tenant-a", nip));

        commands.forEach(env.kafka::publish);

        List<InvoiceAccepted> accepted = commands.stream()
                .map(c -> (InvoiceAccepted) env.kafka.awaitEvent(outcomeOf(c)).value().getPayload()).toList();
        assertThat(accepted).allSatisfy(a -> {
            assertThat(KsefNumber.isValid(a.getKsefNumber())).isTrue();
            assertThat(a.getKsefNumber()).startsWith(nip);
        });
        assertThat(accepted.stream().map(InvoiceAccepted::getSessionReferenceNumber).distinct()).hasSize(1);
        List<InvoiceSent> sent = commands.stream()
                .map(c -> (InvoiceSent) env.kafka.awaitEvent(eventOf(c, InvoiceSent.class)).value().getPayload()).toList();
        assertThat(sent).allSatisfy(s -> assertThat(s.getSessionType()).isEqualTo("Online"));
        assertThat(sent.get(0).getInvoiceHash()).isEqualTo(Invoices.sha256(bytes(commands.get(0))));
        long sessionsOpened = env.kafka.eventsSoFar().stream().filter(r -> r.value().getPayload() instanceof SessionOpened
                && accepted.get(0).getSessionReferenceNumber().equals(((SessionOpened) r.value().getPayload())
                .getSessionReferenceNumber())).count();
        assertThat(sessionsOpened).isEqualTo(1);
    }

    @Test
    void verdictsOfManyInvoicesOfOneSessionAreReadFromItsListWithFewerCallsThanInvoices() {
        String nip = Nips.random();
        String twice = Commands.uniqueNumber();
        List<CommandEnvelope> commands = new ArrayList<>();
        for (int i = 0; i < 38; i++) {
            commands.add(Commands.submit("tenant-l", nip));
        }
        commands.add(Commands.submit("tenant-l", nip, twice));
        commands.add(Commands.submit("tenant-l", nip, twice));

        commands.forEach(env.kafka::publish);

        List<Object> outcomes = commands.stream().map(c -> env.kafka.awaitEvent(outcomeOf(c)).value().getPayload())
                .toList();
        assertThat(outcomes.subList(0, 38)).allSatisfy(o -> assertThat(o).isInstanceOf(InvoiceAccepted.class));
        InvoiceAccepted original = (InvoiceAccepted) outcomes.get(38);
        assertThat(((InvoiceDuplicate) outcomes.get(39)).getOriginalKsefNumber()).isEqualTo(original.getKsefNumber());
        assertThat(outcomes.stream().map(o -> o instanceof InvoiceAccepted a ? a.getSessionReferenceNumber() : "-")
                .filter(s -> !s.equals("-")).distinct()).hasSize(1);
        WorkerHarness.sleep(500);
        var events = env.kafka.eventsSoFar();
        assertThat(commands).allSatisfy(c -> assertThat(events.stream().filter(outcomeOf(c))).hasSize(1));
        var calls = env.simulatorStats(nip).path("byEndpoint");
        long listed = calls.path("GET /v2/sessions/{referenceNumber}/invoices").asLong();
        long asked = calls.path("GET /v2/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}").asLong();
        assertThat(listed).as("list calls, %s", calls).isPositive();
        assertThat(listed + asked).as("verdict calls for 40 invoices, %s", calls).isLessThan(20);
    }

    @Test
    void everyEventCarriesTheCommandsIdsTheContextAndTheHeaders() {
        String nip = Nips.random();
        CommandEnvelope command = Commands.submit("tenant-b", nip);

        env.kafka.publish(command);

        ConsumerRecord<String, EventEnvelope> record = env.kafka.awaitEvent(outcomeOf(command));
        assertThat(record.key()).isEqualTo("tenant-b");
        assertThat(record.value().getCorrelationId()).isEqualTo(command.getMessageId());
        assertThat(record.value().getSource()).isEqualTo("tenant-worker");
        assertThat(record.value().getAudit().getTenantNip()).isEqualTo(nip);
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_TYPE)).hasValue("InvoiceAccepted");
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID)).hasValue(record.value().getMessageId());
    }

    @Test
    void everyLineLoggedForASubmissionCarriesItsTenantIntegrationCommandAndCorrelationIds() throws Exception {
        String nip = Nips.random();
        CommandEnvelope command = Commands.submit("tenant-logs", nip);
        command.setCorrelationId("correlation-" + command.getMessageId());
        String laneRef = "lane:" + "TEST" + ":" + nip;
        List<CapturedLogs.Entry> lines;

        try (CapturedLogs logs = CapturedLogs.attach(); DebugLevel debug = new DebugLevel("dev.ksefplatform.worker")) {
            env.kafka.publish(command);
            env.kafka.awaitEvent(eventOf(command, UpoReceived.class));
            // the UPO thread logs after its commit, which has already woken the relay: the event can come first
            assertThat(logs.await(e -> e.message().startsWith("UPOs stored tenantId=tenant-logs "),
                    Duration.ofSeconds(10))).isTrue();
            lines = logs.entries();
        }

        List<CapturedLogs.Entry> action = lines.stream().filter(l -> "tenant-logs".equals(l.mdc().get(LogScope.TENANT))
                || l.message().contains(nip) || l.message().contains(command.getMessageId())).toList();
        assertThat(action).extracting(CapturedLogs.Entry::message).anyMatch(m -> m.startsWith("lane loaded"))
                .anyMatch(m -> m.startsWith("lane step")).anyMatch(m -> m.startsWith("UPO stored command="))
                .anyMatch(m -> m.startsWith("UPOs stored") && m.contains("invoices=1 "));
        assertThat(action).allSatisfy(line -> {
            assertThat(line.mdc()).as(line.message()).containsEntry(LogScope.TENANT, "tenant-logs")
                    .containsEntry(LogScope.KSEF_CONTEXT, "TEST" + "/" + nip);
            assertThat(List.of(line.mdc().get(LogScope.COMMAND), line.mdc().get(LogScope.CORRELATION))).as(line.message())
                    .isIn(List.of(command.getMessageId(), command.getCorrelationId()), List.of(laneRef, laneRef));
        });
        // the integration is known from the lane's first lease on: only the lane's loading comes before it
        assertThat(action.stream().dropWhile(l -> !l.mdc().containsKey(LogScope.INTEGRATION)).toList()).hasSizeGreaterThan(2)
                .allSatisfy(l -> assertThat(l.mdc()).as(l.message())
                        .containsEntry(LogScope.INTEGRATION, CredentialServiceStub.integrationOf(nip)));
        assertThat(action.stream().takeWhile(l -> !l.mdc().containsKey(LogScope.INTEGRATION)))
                .allSatisfy(l -> assertThat(l.mdc()).containsEntry(LogScope.COMMAND, laneRef));
        assertThat(action).filteredOn(l -> command.getMessageId().equals(l.mdc().get(LogScope.COMMAND))).isNotEmpty();
        assertThat(lines).filteredOn(l -> l.thread().startsWith("lane-"))
                .allSatisfy(l -> assertThat(l.mdc()).as(l.message()).containsKeys(LogScope.TENANT, LogScope.COMMAND,
                        LogScope.CORRELATION, LogScope.KSEF_CONTEXT));
    }

    /** Turns a logger's level to DEBUG while open, so that every step a lane takes is logged. */
    private record DebugLevel(ch.qos.logback.classic.Logger logger, ch.qos.logback.classic.Level was)
            implements AutoCloseable {

        DebugLevel(String name) {
            this((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name),
                    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name)).getLevel());
            logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        }

        @Override
        public void close() {
            logger.setLevel(was);
        }
    }

    @Test
    void aRealDuplicateStaysDuplicateWithTheOriginalNumber() {
        String nip = Nips.random();
        String number = Commands.uniqueNumber();
        CommandEnvelope first = Commands.submit("tenant-c", nip, number);
        env.kafka.publish(first);
        InvoiceAccepted original = (InvoiceAccepted) env.kafka.awaitEvent(outcomeOf(first)).value().getPayload();

        CommandEnvelope again = Commands.submit("tenant-c", nip, number);
        env.kafka.publish(again);

        Object outcome = env.kafka.awaitEvent(outcomeOf(again)).value().getPayload();
        assertThat(outcome).isInstanceOf(InvoiceDuplicate.class);
        assertThat(((InvoiceDuplicate) outcome).getOriginalKsefNumber()).isEqualTo(original.getKsefNumber());
        // a finished command drops its XML (an accepted one's was copied for the UPO thread in the same transaction)
        assertThat(worker.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT state || ' ' || outcome || ' ' || (xml IS NULL) FROM worker.commands WHERE command_id = ?",
                String.class, again.getMessageId())).isEqualTo("DONE DUPLICATE true");
    }

    @Test
    void aTenantViolationDeadLettersTheCommandsWithoutCallingKsef() {
        String nip = Nips.random();
        env.credentials.deny(nip);
        CommandEnvelope command = Commands.submit("tenant-d", nip);

        env.kafka.publish(command);

        Object outcome = env.kafka.awaitEvent(outcomeOf(command)).value().getPayload();
        assertThat(outcome).isInstanceOf(CommandDeadLettered.class);
        assertThat(((CommandDeadLettered) outcome).getReason()).contains("tenant-violation");
        ConsumerRecord<String, byte[]> dead = env.kafka.awaitDeadLetter(r -> command.getMessageId().equals(
                MessageHeaders.get(r.headers(), MessageHeaders.MESSAGE_ID).orElse(null)));
        assertThat(dead.key()).isEqualTo("tenant-d");
        assertThat(env.kafka.eventsSoFar()).noneMatch(eventOf(command, InvoiceSent.class));
    }

    @Test
    void anIntegrationThatCannotActHoldsTheLaneUntilItCanAndThenEveryInvoiceIsAccepted() {
        String nip = Nips.random();
        env.credentials.deactivate(nip);
        CommandEnvelope first = Commands.submit("tenant-e", nip);
        CommandEnvelope second = Commands.submit("tenant-e", nip);
        env.kafka.publish(first);
        env.kafka.publish(second);

        ConsumerRecord<String, EventEnvelope> held = env.kafka.awaitEvent(r -> r.value().getPayload()
                instanceof SubmissionsHeld h && h.getContextNip().equals(nip));
        assertThat(((SubmissionsHeld) held.value().getPayload()).getReason()).isEqualTo("INTEGRATION_NOT_ACTIVE");
        env.credentials.activate(nip);

        assertThat(env.kafka.awaitEvent(outcomeOf(first)).value().getPayload()).isInstanceOf(InvoiceAccepted.class);
        assertThat(env.kafka.awaitEvent(outcomeOf(second)).value().getPayload()).isInstanceOf(InvoiceAccepted.class);
        env.kafka.awaitEvent(r -> r.value().getPayload() instanceof SubmissionsResumed s && s.getContextNip().equals(nip));
    }

    @Test
    void aCredentialServiceOutageIsWaitedOutNeverFailed() {
        String nip = Nips.random();
        env.credentials.failTimes(nip, 4);
        CommandEnvelope command = Commands.submit("tenant-f", nip);

        env.kafka.publish(command);

        assertThat(env.kafka.awaitEvent(outcomeOf(command)).value().getPayload()).isInstanceOf(InvoiceAccepted.class);
        assertThat(env.credentials.calls(nip)).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aCommandOlderThanTheRetentionIsDeadLetteredWithoutCallingKsefAndLeavesNoRow() {
        CommandEnvelope command = Commands.submit("tenant-o", Nips.random());
        command.setOccurredAt(java.time.Instant.now().minus(java.time.Duration.ofDays(35)));

        env.kafka.publish(command);

        Object outcome = env.kafka.awaitEvent(outcomeOf(command)).value().getPayload();
        assertThat(outcome).isInstanceOf(CommandDeadLettered.class);
        assertThat(((CommandDeadLettered) outcome).getReason())
                .contains("more than 34 days ago", "send it anew with a new command id");
        ConsumerRecord<String, byte[]> dead = env.kafka.awaitDeadLetter(r -> command.getMessageId().equals(
                MessageHeaders.get(r.headers(), MessageHeaders.MESSAGE_ID).orElse(null)));
        assertThat(dead.key()).isEqualTo("tenant-o");
        assertThat(env.kafka.eventsSoFar()).noneMatch(eventOf(command, InvoiceSent.class));
        assertThat(worker.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM worker.commands WHERE command_id = ?", Integer.class, command.getMessageId()))
                .isZero();
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithAnEventAndCounted() {
        String messageId = UUID.randomUUID().toString();
        double before = deadLetters();
        ConsumerRecord<String, byte[]> dead;

        try (CapturedLogs logs = CapturedLogs.attach()) {
            env.kafka.publishRaw("tenant-g", messageId, "not avro".getBytes(StandardCharsets.UTF_8));
            dead = env.kafka.awaitDeadLetter(r -> messageId.equals(
                    MessageHeaders.get(r.headers(), MessageHeaders.MESSAGE_ID).orElse(null)));
            assertThat(logs.entries()).filteredOn(l -> l.message().startsWith("command dead-lettered"))
                    .filteredOn(l -> messageId.equals(l.mdc().get(LogScope.COMMAND))).singleElement()
                    .satisfies(l -> assertThat(l.mdc()).containsEntry(LogScope.TENANT, "tenant-g")
                            .containsEntry(LogScope.CORRELATION, messageId));
        }
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        ConsumerRecord<String, EventEnvelope> event = env.kafka.awaitEvent(r -> messageId.equals(r.value().getCausationId()));
        assertThat(event.value().getPayload()).isInstanceOf(CommandDeadLettered.class);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (deadLetters() < before + 1 && System.nanoTime() < deadline) {
            WorkerHarness.sleep(50); // counted right after the commit, which the relay's publish may overtake
        }
        assertThat(deadLetters()).isEqualTo(before + 1);
    }

    private static double deadLetters() {
        return worker.getBean(io.micrometer.core.instrument.MeterRegistry.class).get("ksef.worker.dead.letters")
                .tag("stage", "intake").counter().count();
    }

    @Test
    void aBacklogAboveTheOnlineBudgetGoesAsABatchSession() {
        String nip = Nips.random();
        List<CommandEnvelope> commands = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            commands.add(Commands.submit("tenant-i", nip));
        }
        // the lane holds until all 120 are queued: on a loaded machine the intake could otherwise hand them over so
        // slowly that the queue never grows past batch-always-above and every one goes online (seen once)
        env.credentials.deactivate(nip);

        commands.forEach(env.kafka::publish);
        awaitQueued("tenant-i", nip, 120);
        env.credentials.activate(nip);

        List<InvoiceAccepted> accepted = commands.stream()
                .map(c -> (InvoiceAccepted) env.kafka.awaitEvent(outcomeOf(c)).value().getPayload()).toList();
        assertThat(accepted.stream().map(InvoiceAccepted::getKsefNumber).collect(Collectors.toSet())).hasSize(120);
        List<String> types = commands.stream().map(c -> ((InvoiceSent) env.kafka.awaitEvent(eventOf(c,
                InvoiceSent.class)).value().getPayload()).getSessionType()).toList();
        assertThat(types).contains("Batch");
        // the UPO of every invoice, the batch's from the session's invoice list, and none sent again for it
        List<String> upoNumbers = commands.stream().map(c -> ((UpoReceived) env.kafka.awaitEvent(eventOf(c,
                UpoReceived.class)).value().getPayload()).getKsefNumber()).toList();
        assertThat(upoNumbers).isEqualTo(accepted.stream().map(InvoiceAccepted::getKsefNumber).toList());
        assertThat(env.simulatorStats(nip).path("receivedMoreThanOnce").asLong()).isZero();
    }

    private static void awaitQueued(String tenant, String nip, long queued) {
        var jdbc = worker.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = jdbc.queryForObject("SELECT count(*) FROM worker.commands WHERE tenant_id = ? AND context_nip = ?"
                    + " AND state = 'QUEUED'", Long.class, tenant, nip);
            if (seen == queued) {
                return;
            }
            WorkerHarness.sleep(100);
        }
        throw new AssertionError("queued for " + nip + ": " + seen + " of " + queued);
    }

    @Test
    void leasedAccessTokensNeverAppearInEvents() {
        CommandEnvelope command = Commands.submit("tenant-j", Nips.random());
        env.kafka.publish(command);
        env.kafka.awaitEvent(outcomeOf(command));

        List<String> tokens = env.credentials.lentAccessTokens();

        assertThat(tokens).isNotEmpty();
        assertThat(env.kafka.eventsSoFar()).allSatisfy(r -> tokens.forEach(token ->
                assertThat(r.value().toString()).doesNotContain(token)));
    }

    @Test
    void aCommandDeliveredTwiceIsSentOnceAndLeavesNoLaneSteppingWithoutWork() {
        String nip = Nips.random();
        CommandEnvelope command = Commands.submit("tenant-o", nip);

        env.kafka.publish(command);
        env.kafka.publish(command); // an outbox relay republishing after a lost mark

        assertThat(env.kafka.awaitEvent(outcomeOf(command)).value().getPayload()).isInstanceOf(InvoiceAccepted.class);
        WorkerHarness.sleep(1_000);
        Engine engine = worker.getBean(Engine.class);
        long before = engine.turns();
        WorkerHarness.sleep(2_000);
        // a lane counting the duplicate as still queued stepped at once, for ever, finding nothing: thousands of turns
        // a second (the cost benchmark's busy worker and PostgreSQL at rest); sleeping lanes take a handful
        assertThat(engine.turns() - before).as("lane turns in 2 s at rest").isLessThan(50);
        assertThat(env.simulatorStats(nip).path("invoicesReceived").asLong()).isEqualTo(1);
    }

    @Test
    void aHeldContextsBacklogIsAGaugeOfItsOwnUntilItDrains() {
        String nip = Nips.random();
        env.credentials.deactivate(nip);
        List<CommandEnvelope> commands = List.of(Commands.submit("tenant-n", nip), Commands.submit("tenant-n", nip),
                Commands.submit("tenant-n", nip));
        commands.forEach(env.kafka::publish);

        assertThat(awaitBacklog(nip, n -> n == 3.0)).isEqualTo(3.0);
        env.credentials.activate(nip);
        commands.forEach(c -> env.kafka.awaitEvent(outcomeOf(c)));
        assertThat(awaitBacklog(nip, n -> n == 0.0)).as("the drained context's series is gone").isZero();
    }

    /** The backlog gauge of one context, awaited until {@code done} (0 when the context has no series). */
    private static double awaitBacklog(String nip, java.util.function.DoublePredicate done) {
        var registry = worker.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        long deadline = System.nanoTime() + 30_000_000_000L;
        double n;
        do {
            var gauge = registry.find("ksef.worker.backlog").tag("context", nip).gauge();
            n = gauge == null ? 0.0 : gauge.value();
            if (done.test(n)) {
                return n;
            }
            WorkerHarness.sleep(100);
        } while (System.nanoTime() < deadline);
        return n;
    }

    @Test
    void theWorkersGaugesShowTheQueueTheLanesAndTheBudgetLeftPerContext() throws Exception {
        String nip = Nips.random();
        CommandEnvelope command = Commands.submit("tenant-m", nip);
        env.kafka.publish(command);
        env.kafka.awaitEvent(outcomeOf(command));
        WorkerHarness.sleep(600);

        String port = worker.getEnvironment().getProperty("local.server.port");
        String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();

        assertThat(metrics).contains("ksef_worker_lanes_active", "ksef_worker_commands{state=\"QUEUED\"}",
                "ksef_worker_outbox_pending", "ksef_worker_inbox_syncs_running",
                "ksef_worker_ksef_calls_total{group=\"invoiceSend\"}");
        // the intake consumer's lag on the commands topic, and the relay's producer, through Micrometer's Kafka binder
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max", "kafka_producer_record_send_total");
        assertThat(metrics.lines().filter(l -> l.startsWith("ksef_worker_budget_remaining{")
                && l.contains("context=\"" + nip + "\"") && l.contains("group=\"invoiceSend\"")))
                .singleElement().satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .isGreaterThan(0));
    }

    @Test
    void everyKsefCallIsRecordedForTheAuditUnderItsContext() {
        String nip = Nips.random();
        CommandEnvelope command = Commands.submit("tenant-n", nip);
        env.kafka.publish(command);
        env.kafka.awaitEvent(outcomeOf(command));

        var record = env.kafka.awaitEvent(r -> r.value().getPayload() instanceof dev.ksefplatform.schemas.v1.KsefCallRecorded c
                && nip.equals(r.value().getAudit().getTenantNip()) && c.getMethod().equals("POST")
                && c.getEndpoint().equals("/sessions/online/{id}/invoices"));

        assertThat(record.value().getTenantId()).isEqualTo("tenant-n");
        assertThat(record.value().getAudit().getHttpStatus()).isEqualTo(202);
        assertThat(record.value().getAudit().getOperation()).isEqualTo("ksef.call");
        long recordedSends = env.kafka.eventsSoFar().stream().filter(r -> nip.equals(r.value().getAudit().getTenantNip())
                && r.value().getPayload() instanceof dev.ksefplatform.schemas.v1.KsefCallRecorded c
                && c.getEndpoint().equals("/sessions/online/{id}/invoices"))
                .mapToLong(r -> ((dev.ksefplatform.schemas.v1.KsefCallRecorded) r.value().getPayload()).getCalls()).sum();
        assertThat(recordedSends).isEqualTo(env.simulatorStats(nip).path("byEndpoint")
                .path("POST /v2/sessions/online/{referenceNumber}/invoices").asLong());
    }

    @Test
    void anAcceptedInvoicesXmlAsSentAndItsUpoArePublishedAfterTheVerdict() throws Exception {
        String nip = Nips.random();
        CommandEnvelope command = Commands.submit("tenant-u", nip);
        env.kafka.publish(command);
        InvoiceAccepted accepted = (InvoiceAccepted) env.kafka.awaitEvent(outcomeOf(command)).value().getPayload();

        var document = env.kafka.awaitEvent(eventOf(command, SentInvoiceStored.class)).value();
        var upo = env.kafka.awaitEvent(eventOf(command, UpoReceived.class)).value();

        SentInvoiceStored sent = (SentInvoiceStored) document.getPayload();
        assertThat(array(sent.getXml())).isEqualTo(bytes(command));
        assertThat(sent.getSha256()).isEqualTo(Invoices.sha256(bytes(command)));
        assertThat(sent.getKsefNumber()).isEqualTo(accepted.getKsefNumber());
        UpoReceived received = (UpoReceived) upo.getPayload();
        assertThat(received.getKsefNumber()).isEqualTo(accepted.getKsefNumber());
        assertThat(received.getSha256()).isEqualTo(Invoices.sha256(array(received.getUpo())));
        assertThat(upoKsefNumbers(array(received.getUpo()))).containsExactly(accepted.getKsefNumber());
        validateUpo(array(received.getUpo()));
        assertThat(upo.getCorrelationId()).isEqualTo(command.getMessageId());
        assertThat(upo.getAudit().getTenantNip()).isEqualTo(nip);
        assertThat(upo.getAudit().getIntegrationId()).isNotNull();
    }

    private static List<String> upoKsefNumbers(byte[] upo) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.NodeList nodes = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(upo))
                .getElementsByTagNameNS("http://upo.schematy.mf.gov.pl/KSeF/v4-3", "NumerKSeFDokumentu");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            numbers.add(nodes.item(i).getTextContent().trim());
        }
        return numbers;
    }

    /** The official UPO v4-3 schema; the TE receiver name is the documented exception (brief §16, item 10). */
    private static void validateUpo(byte[] upo) throws Exception {
        String asProduction = new String(upo, java.nio.charset.StandardCharsets.UTF_8)
                .replace("Ministerstwo Finansów - środowisko testowe (TE)", "Ministerstwo Finansów");
        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(SubmissionEngineIT.class.getResource("/dev/ksefplatform/ksef/xsd/upo/upo-v4-3.xsd"))
                .newValidator().validate(new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(
                        asProduction.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    private static byte[] array(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static byte[] bytes(CommandEnvelope command) {
        java.nio.ByteBuffer xml = ((dev.ksefplatform.schemas.v1.SubmitInvoice) command.getPayload()).getInvoice().getXml();
        byte[] bytes = new byte[xml.remaining()];
        xml.duplicate().get(bytes);
        return bytes;
    }
}
