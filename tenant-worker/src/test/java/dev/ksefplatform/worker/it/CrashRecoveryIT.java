package dev.ksefplatform.worker.it;

import static dev.ksefplatform.worker.it.Commands.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.worker.engine.application.CrashPoints;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A worker process killed at the worst moments — right after an HTTP send, right after reading a verdict, right
 * before a transaction commits, right after closing a batch — and a second worker taking over: every command ends
 * ACCEPTED exactly once (one final event id per command, however often the outbox relay repeats it), with a KSeF
 * number of its own, and none ends DUPLICATE because of the platform's own retry.
 */
class CrashRecoveryIT {

    private static WorkerHarness env;

    @BeforeAll
    static void start() throws Exception {
        env = new WorkerHarness(false, "--simulator.export-max-invoices=500");
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @ParameterizedTest(name = "killed at {0} #{1}, {2} invoices")
    @CsvSource({
            CrashPoints.AFTER_BATCH_CLOSE + ",1,150",
            CrashPoints.BEFORE_COMMIT + ",3,10",
            CrashPoints.AFTER_SEND + ",3,10",
            CrashPoints.AFTER_STATUS + ",2,10"})
    void everyCommandEndsAcceptedExactlyOnceAfterAKill(String point, int nth, int invoices) throws Exception {
        String nip = Nips.random();
        String tenant = "crash-" + point + "-" + nth;
        Process doomed = startDoomedWorker(point, nth);
        try {
            crashAndRecover(point, doomed, tenant, nip, invoices);
        } finally {
            doomed.destroyForcibly();
            env.stopWorkers();
        }
    }

    private void crashAndRecover(String point, Process doomed, String tenant, String nip, int invoices) throws Exception {
        env.awaitPartitionsOwnedBy("doomed-" + point);
        List<CommandEnvelope> commands = new ArrayList<>();
        for (int i = 0; i < invoices; i++) {
            commands.add(Commands.submit(tenant, nip));
        }

        commands.forEach(env.kafka::publish);
        boolean died = doomed.waitFor(90, TimeUnit.SECONDS);
        if (!died) {
            // where it is stuck, for the report
            new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd", Long.toString(doomed.pid()), "Thread.print")
                    .inheritIO().start().waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(died).as("the worker reached " + point).isTrue();
        assertThat(doomed.exitValue()).isEqualTo(137);
        restartTakingOverTheScratch();

        Set<String> numbers = commands.stream().map(c -> {
            ConsumerRecord<String, EventEnvelope> outcome = env.kafka.awaitEvent(outcomeOf(c));
            assertThat(outcome.value().getPayload()).as("outcome of " + c.getMessageId()).isInstanceOf(InvoiceAccepted.class);
            return ((InvoiceAccepted) outcome.value().getPayload()).getKsefNumber();
        }).collect(Collectors.toSet());
        assertThat(numbers).hasSize(invoices);
        List<ConsumerRecord<String, EventEnvelope>> events = env.kafka.eventsSoFar();
        for (CommandEnvelope command : commands) {
            Set<String> finalEventIds = events.stream().filter(outcomeOf(command))
                    .map(r -> r.value().getMessageId()).collect(Collectors.toSet());
            assertThat(finalEventIds).as("final events of " + command.getMessageId()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "inbox sync killed at {0} #{1}")
    @CsvSource({CrashPoints.INBOX_AFTER_WINDOW + ",1", CrashPoints.INBOX_AFTER_DOWNLOAD + ",2"})
    void anInboxSyncKilledMidRunLosesNothingAndDoublesNothing(String point, int nth) throws Exception {
        String buyer = Nips.random();
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        env.seedInbox("""
                {"buyerNip": "%s", "count": 1200, "from": "%s", "to": "%s"}""".formatted(buyer,
                now.minusSeconds(3600), now.minusSeconds(60)));
        Process doomed = startDoomedWorker(point, nth);
        try {
            env.awaitPartitionsOwnedBy("doomed-" + point);
            CommandEnvelope sync = Commands.syncInbox("crash-inbox-" + nth, buyer, now.minusSeconds(7200));
            env.kafka.publish(sync);
            assertThat(doomed.waitFor(90, TimeUnit.SECONDS)).as("the worker reached " + point).isTrue();
            assertThat(doomed.exitValue()).isEqualTo(137);
            restartTakingOverTheScratch();

            Object end = env.kafka.awaitEvent(r -> sync.getMessageId().equals(r.value().getCausationId())
                    && r.value().getPayload() instanceof dev.ksefplatform.schemas.v1.InboxSyncCompleted)
                    .value().getPayload();
            assertThat(((dev.ksefplatform.schemas.v1.InboxSyncCompleted) end).getInvoicesReceived()).isEqualTo(1200);
            java.util.Map<String, Set<String>> eventIdsByNumber = env.kafka.eventsSoFar().stream()
                    .filter(r -> sync.getMessageId().equals(r.value().getCausationId())
                            && r.value().getPayload() instanceof dev.ksefplatform.schemas.v1.InboxInvoiceReceived)
                    .collect(Collectors.groupingBy(r -> ((dev.ksefplatform.schemas.v1.InboxInvoiceReceived)
                            r.value().getPayload()).getKsefNumber(),
                            Collectors.mapping(r -> r.value().getMessageId(), Collectors.toSet())));
            assertThat(eventIdsByNumber).hasSize(1200);
            assertThat(eventIdsByNumber.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        } finally {
            doomed.destroyForcibly();
            env.stopWorkers();
        }
    }

    /**
     * The killed worker's temporary directory (batch archives, export packages: invoices in the clear) is removed by
     * the worker started after it: the only one left is the new worker's own.
     */
    private static void restartTakingOverTheScratch() throws Exception {
        List<Path> left = scratchDirectories();
        assertThat(left).as("the killed worker's own directory").hasSize(1);
        env.startWorker();
        assertThat(scratchDirectories()).as("after the restart").hasSize(1).doesNotContainAnyElementsOf(left);
    }

    private static List<Path> scratchDirectories() throws Exception {
        try (var dirs = Files.list(env.scratch)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("ksef-worker-")).toList();
        }
    }

    private static Process startDoomedWorker(String point, int nth) throws Exception {
        // C1 only and the serial collector, as the system tests' service processes: it starts in about two thirds of
        // the time, and this worker lives only until its crash point
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CrashingWorker.class.getName(), point, Integer.toString(nth)));
        command.addAll(List.of(env.arguments("--worker.instance-id=doomed-" + point,
                "--logging.level.dev.ksefplatform.worker.engine.application.Lane=DEBUG")));
        // in the build's directory (left for a failed run's report, gone with the next clean), not the system's /tmp
        Path log = Files.createTempFile(Files.createDirectories(Path.of("target", "crashing-workers")), "crashing-worker",
                ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
