package dev.ksefplatform.systemtests.bench;

import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.testsupport.MachineProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The cost of one invoice (issue #8), a {@code main}, not a test: the platform as separate processes
 * ({@link CostPlatform}); invoices through the REST gateway at fixed offered loads, then commands straight onto
 * {@code ksef.commands.v1}; each until every command's final event is on {@code ksef.events.v1}; CPU per invoice per
 * process; beside it the raw Kafka produce rate of the same records on the same broker. Exits 1 if a command is lost
 * or ends otherwise than accepted. Run with {@code system-tests/bench-cost.sh}; settings in {@link Settings}.
 */
public final class CostBenchmark {

    private final CostPlatform platform;
    private final Settings settings;
    private final Finals finals;
    private final ProcessCpu cpu;
    private final Allocations allocations;
    private final KsefCalls ksefCalls;
    private final Set<String> commands = new HashSet<>();
    private final Map<String, Double> idle = new LinkedHashMap<>();
    private int warmedUp;
    /** When the last drain found the platform's database with nothing open (every UPO stored included). */
    private long drainedNanos;
    private PostgresWaits waits;
    private PostgresCpu postgresCpu;
    private final PostgresMaintenance maintenance;
    /** No event for this long: the platform has nothing left to do. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** All services' compiler threads together: 2 % of one core, 3 s in a row (a clock tick is 10 ms). */
    private static final double JIT_QUIET_MILLIS_PER_SECOND = 20;
    private static final int JIT_QUIET_SECONDS = 3;
    private static final java.nio.file.Path JFR = java.nio.file.Path.of("target", "cost-jfr").toAbsolutePath();

    private CostBenchmark(CostPlatform platform, Settings settings, Finals finals) {
        this.platform = platform;
        this.settings = settings;
        this.finals = finals;
        this.cpu = new ProcessCpu(platform.pids(), CostPlatform.POSTGRES);
        Map<String, String> urls = new LinkedHashMap<>();
        platform.services().forEach(app -> urls.put(app, platform.url(app)));
        urls.put(Apps.SIMULATOR, platform.url(Apps.SIMULATOR));
        this.allocations = new Allocations(urls);
        this.ksefCalls = new KsefCalls(platform.url(Apps.SIMULATOR));
        this.maintenance = platform.maintenance();
    }

    public static void main(String[] args) {
        Settings settings = Settings.fromSystemProperties();
        System.out.println("cost benchmark: " + settings + ", " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average " + CostReport.loadAverage());
        System.out.println(MachineProbe.line());
        long start = System.nanoTime();
        int exit;
        try (CostPlatform platform = CostPlatform.start(settings.jvmOptions(), settings.workers(), settings.workerEnv(),
                settings.postgres());
             Finals finals = new Finals(platform.bootstrapServers())) {
            System.out.printf("platform up: %s, the simulator, Kafka and PostgreSQL as processes (%.0f s)%n",
                    platform.services(), (System.nanoTime() - start) / 1e9);
            System.out.println(platform.wal().settingsLine());
            exit = new CostBenchmark(platform, settings, finals).run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            exit = 2; // a thread left running must not keep the JVM (and so the script) alive
        }
        System.exit(exit);
    }

    private int run() {
        try (Scrapes scrapes = new Scrapes(platform.services().stream().map(platform::url).toList(),
                Duration.ofSeconds(settings.scrapeSeconds()))) {
            int exit = measure();
            System.out.println(settings.scrapeSeconds() == 0 ? "metrics not scraped (bench.scrapeSeconds=0)"
                    : "metrics scraped every %d s all run long: %s".formatted(settings.scrapeSeconds(), scrapes.summary()));
            return exit;
        }
    }

    private int measure() {
        List<Tenant> tenants = onboard();
        RestLoad rest = new RestLoad(platform.url(Apps.COMMAND_API), tenants);
        System.out.printf("invoice %,d bytes; warm-up: %,d invoices over REST at %d/s (not measured)%n",
                RestLoad.invoiceBytes(tenants.get(0)), settings.warmup(), settings.warmupRate());
        RestLoad.Result warm = rest.run(settings.warmupRate(), settings.warmup());
        System.out.printf("warm-up: 202 %,d, refused %s (0 = no answer within 30 s)%n", warm.accepted().size(), warm.refused());
        drain("warm-up", warm.accepted().keySet());
        warmUpKafka(tenants);
        warmedUp = commands.size();
        settleJit("the idle window");
        idle();
        settleJit("REST");
        probe("before REST");
        double endToEndRest = restPhase(rest);
        List<ProducerRecord<String, CommandEnvelope>> direct = new DirectCommands("KAFKA").build(tenants, settings.invoices());
        settleJit("Kafka");
        probe("before Kafka");
        double endToEnd = commandsPhase(direct);
        ceiling(direct, endToEnd, endToEndRest);
        probe("at the end");
        return verdict();
    }

    /**
     * The machine probe again with the platform drained: the same fixed work costing more CPU than at the start means
     * the host took cores away (on this VM one whole run cost every process about twice the CPU of the run before).
     */
    private static void probe(String when) {
        System.out.println("FIGURE cost/machine " + when + ": " + MachineProbe.line().substring("machine: ".length()));
    }

    /** Until the compilations the last phase queued are done, so that the next phase is not charged for them. */
    private void settleJit(String phase) {
        if (settings.jitSettleSeconds() > 0) {
            System.out.println(new JitSettle(platform.services(), app -> ThreadCpu.sample(platform.pids().get(app)))
                    .await(phase, JIT_QUIET_MILLIS_PER_SECOND, JIT_QUIET_SECONDS,
                            Duration.ofSeconds(settings.jitSettleSeconds())));
        }
    }

    /** The Kafka path's own warm-up (batch sessions, the UPO thread at full pace), not measured. */
    private void warmUpKafka(List<Tenant> tenants) {
        if (settings.warmupCommands() == 0) {
            return;
        }
        List<ProducerRecord<String, CommandEnvelope>> records = new DirectCommands("WARM").build(tenants,
                settings.warmupCommands());
        System.out.printf("warm-up: %,d commands straight onto Kafka (not measured)%n", records.size());
        long t0 = System.nanoTime();
        DirectCommands.publish(platform.bootstrapServers(), records);
        drain("warm-up Kafka", ids(records));
        System.out.printf("warm-up: Kafka's %,d final and drained after %.1f s%n", records.size(),
                (System.nanoTime() - t0) / 1e9);
    }

    private List<Tenant> onboard() {
        PlatformClient client = platform.client();
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < settings.tenants(); i++) {
            tenants.add(client.onboard("Cost tenant " + i, Nips.random()));
        }
        System.out.printf("%d tenants onboarded (tenant, KSeF token, integration verified)%n", tenants.size());
        return tenants;
    }

    /** Each service's CPU at rest (schedulers, consumer polls, metrics): what a window costs with no invoice at all. */
    private void idle() {
        pause(SETTLE.toMillis()); // a 10 s window right after the warm-up once read the worker at 870 ms/s (its JIT, mostly)
        ProcessCpu.Sample before = cpu.sample();
        pause(settings.idleSeconds() * 1_000L);
        ProcessCpu.Sample after = cpu.sample();
        StringBuilder line = new StringBuilder("FIGURE cost/idle: CPU ms per second at rest:");
        before.ticks().keySet().forEach(name -> idle.put(name, after.millisSince(before, name) / after.secondsSince(before)));
        idle.forEach((name, ms) -> line.append(String.format(" %s %.1f;", name, ms)));
        System.out.println(line);
    }

    /** Offered loads one after the other, each drained before the next; end-to-end invoices/s over the phase. */
    private double restPhase(RestLoad rest) {
        int perSecond = Arrays.stream(settings.rates()).sum();
        System.out.printf("REST: %,d invoices at offered loads %s req/s, equal time each, each drained before the next%n",
                settings.invoices(), Arrays.toString(settings.rates()));
        int finalsBefore = finals.count();
        Map<String, Long> callsBefore = ksefCalls.sample();
        CostReport.Window window = measured(() -> {
            for (int rate : settings.rates()) {
                gatewayWindow(rest, rate, (int) ((long) settings.invoices() * rate / perSecond));
            }
        });
        int processed = finals.count() - finalsBefore;
        System.out.println(KsefCalls.line("rest", callsBefore, ksefCalls.sample(), processed));
        System.out.printf("REST: %,d invoices sent, %,d answered 202, %,d final on the event log in the phase (a request"
                + " the client gave up on may still have been taken): CPU per invoice counts these%n", settings.invoices(),
                commands.size() - warmedUp, processed);
        System.out.println(CostReport.lines("rest", processed, window, idle, platform.services()));
        System.out.println(CostReport.threads("rest", processed, window, platform.services()));
        System.out.println(platform.statements().lines("rest", processed));
        System.out.println(platform.wal().line("rest", processed));
        System.out.println(postgresCpu.line("rest", processed));
        System.out.println(maintenance.line("rest"));
        System.out.println(waits.lines("rest"));
        return processed / window.cpuAfter().secondsSince(window.cpuBefore());
    }

    private void gatewayWindow(RestLoad rest, int rate, int count) {
        ProcessCpu.Sample before = cpu.sample();
        RestLoad.Result r = rest.run(rate, count);
        ProcessCpu.Sample sent = cpu.sample();
        long last = drain("REST " + rate + "/s", r.accepted().keySet());
        System.out.printf("FIGURE cost/gateway offered %5d/s: sent %,d in %.1f s (achieved %.0f/s), 202 %,d, refused %s"
                        + " | accept p50 %.1f p99 %.1f max %.1f ms | command-api CPU %.3f ms/req while sending"
                        + " | all final %.1f s after the last request | while sending: %s%n",
                rate, r.sent(), r.sendSeconds(), r.achievedRate(), r.accepted().size(), r.refused(),
                r.percentileMillis(0.50), r.percentileMillis(0.99), r.percentileMillis(1.0),
                sent.millisSince(before, Apps.COMMAND_API) / r.sent(), Math.max(0, last - sent.nanos()) / 1e9,
                CostReport.others(before, sent));
    }

    /**
     * All commands published as a backlog while the workers are frozen, then the workers resumed; end-to-end
     * invoices/s from the resume until the last is final. Published while the workers ran (until 2026-12-06), the
     * publisher competed with them for the two cores and took 12–27 s across five runs, and the platform's CPU per
     * invoice rose with it (1.9 ms at 12 s, 4.0 ms at 26.5 s): the arrival pace sets the batch sizes of every stage.
     */
    private double commandsPhase(List<ProducerRecord<String, CommandEnvelope>> records) {
        System.out.printf("Kafka: %,d SubmitInvoice commands straight onto %s (no gateway), published while the"
                + " tenant-workers are frozen, then the workers resumed%n", records.size(), Topics.COMMANDS.name());
        long[] at = new long[3];
        Map<String, Long> callsBefore = ksefCalls.sample();
        Recordings recordings = settings.jfr() ? Recordings.start(platform, JFR, "kafka") : null;
        CostReport.Window window = measured(() -> {
            at[0] = System.nanoTime();
            platform.signalWorkers("STOP");
            try {
                DirectCommands.publish(platform.bootstrapServers(), records);
            } finally {
                platform.signalWorkers("CONT");
            }
            at[1] = System.nanoTime();
            at[2] = drain("Kafka", ids(records));
        });
        if (recordings != null) {
            recordings.stop().forEach((app, file) -> System.out.println(JfrSummary.lines("cost/kafka jfr " + app
                    + " (" + file + ")", file, records.size(), "invoice")));
        }
        double seconds = (at[2] - at[1]) / 1e9;
        System.out.printf("FIGURE cost/engine end to end: %,d commands published in %.1f s (workers frozen), all final"
                + " %.1f s after the workers resumed: %.0f invoices/s (goal ≥ 1,500/s); every sent XML and UPO published"
                + " after %.1f s%n", records.size(), (at[1] - at[0]) / 1e9, seconds, records.size() / seconds,
                (drainedNanos - at[1]) / 1e9);
        System.out.println(KsefCalls.line("kafka", callsBefore, ksefCalls.sample(), records.size()));
        System.out.println(CostReport.lines("kafka", records.size(), window, idle, platform.services()));
        System.out.println(CostReport.threads("kafka", records.size(), window, platform.services()));
        System.out.println(platform.statements().lines("kafka", records.size()));
        System.out.println(platform.wal().line("kafka", records.size()));
        System.out.println(postgresCpu.line("kafka", records.size()));
        System.out.println(maintenance.line("kafka"));
        System.out.println(waits.lines("kafka"));
        return records.size() / seconds;
    }

    private void ceiling(List<ProducerRecord<String, CommandEnvelope>> records, double endToEnd, double endToEndRest) {
        CommandEnvelopeSerializer serializer = new CommandEnvelopeSerializer();
        List<byte[]> values = records.stream().map(r -> serializer.serialize(r.topic(), r.value())).toList();
        for (String compression : List.of("zstd", "none")) {
            ProcessCpu.Sample before = cpu.sample();
            double raw = RawKafka.rate(platform.bootstrapServers(), values, compression);
            ProcessCpu.Sample after = cpu.sample();
            System.out.printf("FIGURE cost/raw Kafka %s: the same %,d records (%,d bytes each) to a scratch topic on the"
                            + " same broker, acks=all, idempotence on: %.0f records/s; CPU per record over both rounds:"
                            + " broker %.3f ms, producer (this JVM) %.3f ms; end to end is %.1f %% of it from Kafka,"
                            + " %.1f %% over REST (offered-load bound)%n", compression, values.size(), values.get(0).length,
                    raw, after.millisSince(before, CostPlatform.KAFKA) / (2.0 * values.size()),
                    after.millisSince(before, CostPlatform.BENCH) / (2.0 * values.size()), 100 * endToEnd / raw,
                    100 * endToEndRest / raw);
        }
    }

    private int verdict() {
        long lost = finals.missing(commands);
        Map<String, Integer> outcomes = finals.outcomes(commands);
        boolean alive = platform.allAlive();
        System.out.printf("FIGURE cost/verdict: commands %,d, final %s, lost %,d, every process alive %s%n",
                commands.size(), outcomes, lost, alive);
        boolean allAccepted = outcomes.getOrDefault("InvoiceAccepted", 0) == commands.size();
        return lost == 0 && allAccepted && alive ? 0 : 1;
    }

    private long drain(String what, Set<String> ids) {
        commands.addAll(ids);
        long last = finals.await(what, ids, settings.timeout());
        platform.backlog().awaitEmpty(settings.timeout().toMillis());
        drainedNanos = System.nanoTime();
        finals.awaitQuiet(QUIET, Duration.ofMinutes(1));
        if (finals.missing(ids) > 0) {
            System.out.printf("  %s: %,d commands not final after %s%n", what, finals.missing(ids), settings.timeout());
        }
        return last;
    }

    private CostReport.Window measured(Runnable phase) {
        Map<String, Double> allocatedBefore = allocations.sample();
        platform.statements().reset();
        platform.wal().reset();
        maintenance.reset();
        Map<String, ThreadCpu.Sample> threadsBefore = threads();
        ProcessCpu.Sample before = cpu.sample();
        try (PostgresWaits sampled = platform.waits();
             PostgresCpu byProcess = new PostgresCpu(platform.pids().get(CostPlatform.POSTGRES))) {
            waits = sampled;
            postgresCpu = byProcess;
            phase.run();
        }
        ProcessCpu.Sample after = cpu.sample();
        return new CostReport.Window(before, after, allocatedBefore, allocations.sample(), threadsBefore, threads());
    }

    /** Every thread of the platform's services. */
    private Map<String, ThreadCpu.Sample> threads() {
        Map<String, ThreadCpu.Sample> threads = new LinkedHashMap<>();
        platform.services().forEach(app -> threads.put(app, ThreadCpu.sample(platform.pids().get(app))));
        return threads;
    }

    private static Set<String> ids(List<ProducerRecord<String, CommandEnvelope>> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.value().getMessageId()));
        return ids;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
