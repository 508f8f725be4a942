package dev.ksefplatform.worker.it;

import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.testsupport.RetainedHeap;
import dev.ksefplatform.worker.outbox.application.OutboxRelay;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Heap the worker retains per invoice it has taken and not finished (issue #8), as sync-service's bench defines it:
 * heap used after a full GC while N invoices are held in one stage, minus the same with none, divided by N. The
 * simulator runs in its own process (it keeps every invoice it receives) with a long {@code processing-delay}, so
 * verdicts wait; online sessions only (batches off), limits lifted. Stages, each held by what would stop it anyway:
 * <ol>
 * <li><b>intake</b>: {@code worker.commands} locked, so the poll's INSERT waits with the polled records;</li>
 * <li><b>lanes</b>: every invoice sent and awaiting its verdict, and again 20 s later (still before the verdicts);</li>
 * <li><b>finished</b>: every invoice final and its UPO stored, the events still in the outbox (nothing should be
 * left on the heap);</li>
 * <li><b>relay</b>: the outbox relay stopped while the invoices finish, then the whole outbox taken as one batch,
 * published and held at its DELETE by a lock on {@code worker.outbox}.</li>
 * </ol>
 * The UPO thread's batch is not held: it takes at most {@code upo.batch} (50) rows and reads ten documents at a time.
 * Whole-JVM heap: the broker, the credential stub and the harness share it. Prints figures, asserts nothing.
 * Command: tenant-worker/README.md, <i>Memory per in-flight invoice</i>.
 */
final class InFlightHeapBenchmark {

    private static final int TENANTS = 10;
    private static final int RELAY_BATCH = 1_000_000;

    private InFlightHeapBenchmark() {
    }

    static void run(int invoices, int runs) throws Exception {
        Process simulator = startSimulator();
        try (WorkerHarness env = new WorkerHarness(URI.create("http://127.0.0.1:" + port))) {
            // online only; verdict polls as deployed (the harness polls every second: 30 KsefCallRecorded a minute);
            // a relay batch takes the whole outbox (stage 3)
            ConfigurableApplicationContext worker = env.startWorker("--worker.engine.batch-always-above=100000000",
                    "--worker.engine.batch-min-invoices=100000000", "--worker.engine.first-poll=300ms",
                    "--worker.engine.max-poll=30s", "--worker.outbox.batch-size=" + RELAY_BATCH);
            List<String> nips = new ArrayList<>();
            for (int t = 0; t < TENANTS; t++) {
                nips.add(Nips.random());
            }
            long total = 0;
            total += publish(env, commands(nips, 10 * TENANTS));
            awaitDone(env, total);
            OutboxRelay relay = worker.getBean(OutboxRelay.class);
            for (int run = 1; run <= runs; run++) {
                relay.stop(); // the outbox fills while the invoices finish; stage 3 takes a batch of it by hand
                double load = load();
                List<CommandEnvelope> batch = commands(nips, invoices);
                RetainedHeap none = heldAtIntake(env, batch, run, load);
                total += batch.size();
                awaitCount(env, "SELECT count(*) FROM worker.commands", total);
                awaitCount(env, "SELECT -count(*) FROM worker.commands WHERE state IN ('QUEUED', 'SENDING')", 0);
                Thread.sleep(2_000);
                RetainedHeap held = RetainedHeap.take();
                System.out.printf("lanes: %d of the %d invoices already final%n", count(env, "SELECT count(*)"
                        + " FROM worker.commands WHERE state = 'DONE'") - (total - batch.size()), batch.size());
                figure("lanes", "sent, awaiting their verdicts", none, held, (int) count(env,
                        "SELECT count(*) FROM worker.commands WHERE state = 'SENT'"), run, load);
                Thread.sleep(20_000); // still before the verdicts: what grows with the polls, not with the invoices
                figure("lanes+20s", "sent, awaiting their verdicts, 20 s later", none, RetainedHeap.take(), (int)
                        count(env, "SELECT count(*) FROM worker.commands WHERE state = 'SENT'"), run, load);
                awaitDone(env, total);
                relayBatch(env, relay, none, invoices, run, load);
                java.lang.ref.Reference.reachabilityFence(batch); // in every snapshot of the run, as in "none"
            }
        } finally {
            simulator.destroyForcibly();
        }
        System.exit(0);
    }

    /**
     * The intake holds a poll at its INSERT, the rest fetched: a first, undecodable record takes the intake to the
     * outbox (locked) with its dead letter, the batch is published behind it, and the outbox released once the batch
     * is on the broker, so the next poll finds all of it (~500 KB a partition at 1,000 invoices: one fetch). Returns
     * the heap with nothing in flight (the primer apart).
     */
    private static RetainedHeap heldAtIntake(WorkerHarness env, List<CommandEnvelope> batch, int run, double load)
            throws Exception {
        try (Connection commands = env.connect(); Statement c = commands.createStatement();
             Connection outbox = env.connect(); Statement o = outbox.createStatement()) {
            commands.setAutoCommit(false);
            outbox.setAutoCommit(false);
            c.execute("LOCK TABLE worker.commands IN EXCLUSIVE MODE");
            o.execute("LOCK TABLE worker.outbox IN EXCLUSIVE MODE");
            SubmissionBenchmark.publishUndecodable(env.bootstrap);
            awaitWaiting(env, "INSERT INTO worker.outbox");
            RetainedHeap none = RetainedHeap.take();
            SubmissionBenchmark.publishAll(env.bootstrap, batch);
            Thread.sleep(1_000);
            outbox.rollback();
            awaitWaiting(env, "INSERT INTO worker.commands");
            Thread.sleep(3_000);
            figure("intake", "taken from Kafka, waiting to be queued", none, RetainedHeap.take(), batch.size(), run,
                    load);
            commands.rollback();
            return none;
        }
    }

    private static void awaitWaiting(WorkerHarness env, String statement) throws Exception {
        awaitCount(env, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%"
                + statement + "%' AND datname = current_database()", 1);
    }

    /**
     * The whole outbox (every event of the stage's invoices) taken as one relay batch, held at its DELETE. The
     * producer's buffer pool keeps what a batch needed: the first run grows it, so its figure is high.
     */
    private static void relayBatch(WorkerHarness env, OutboxRelay relay, RetainedHeap before, int invoices, int run,
                                   double load) throws Exception {
        RetainedHeap none = RetainedHeap.take();
        // all final, their events in the outbox (PostgreSQL): what the worker still holds of them, if anything
        figure("finished", "final, their events not yet relayed", before, none, invoices, run, load);
        try (Connection lock = env.connect(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("LOCK TABLE worker.outbox IN EXCLUSIVE MODE");
            CompletableFuture<Integer> taken = CompletableFuture.supplyAsync(relay::relayOnce);
            awaitWaiting(env, "DELETE FROM worker.outbox");
            RetainedHeap held = RetainedHeap.take();
            lock.rollback();
            int events = taken.get();
            System.out.printf("FIGURE worker/relay heap per in-flight invoice: %,.0f bytes (%d invoices' %d events"
                            + " held at the DELETE, %.2f per invoice, %,.0f bytes per event; run %d, load %.2f -> %.2f)%n",
                    held.perItem(none, invoices), invoices, events, events / (double) invoices,
                    held.perItem(none, events), run, load, load());
            held.growth(none, invoices, 15).forEach(System.out::println);
        }
    }

    private static void figure(String stage, String what, RetainedHeap none, RetainedHeap held, int invoices, int run,
                               double load) {
        System.out.printf("FIGURE worker/%s heap per in-flight invoice: %,.0f bytes (%d invoices %s; heap %,d ->"
                + " %,d; run %d, load %.2f -> %.2f)%n", stage, held.perItem(none, invoices), invoices, what,
                none.used(), held.used(), run, load, load());
        held.growth(none, invoices, 15).forEach(System.out::println);
    }

    private static List<CommandEnvelope> commands(List<String> nips, int count) {
        List<CommandEnvelope> commands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            commands.add(Commands.submit("bench-heap-" + (i % nips.size()), nips.get(i % nips.size())));
        }
        return commands;
    }

    private static int publish(WorkerHarness env, List<CommandEnvelope> commands) throws Exception {
        SubmissionBenchmark.publishAll(env.bootstrap, commands);
        return commands.size();
    }

    /** Every command final and every UPO stored: nothing of these invoices is in flight any more. */
    private static void awaitDone(WorkerHarness env, long commands) throws Exception {
        awaitCount(env, "SELECT count(*) FROM worker.commands WHERE state = 'DONE'", commands);
        awaitCount(env, "SELECT count(*) FROM worker.upo_fetches WHERE state = 'DONE'", commands);
    }

    private static void awaitCount(WorkerHarness env, String query, long atLeast) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (count(env, query) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached in 10 minutes: " + atLeast + " of " + query);
            }
            Thread.sleep(200);
        }
    }

    private static long count(WorkerHarness env, String query) throws Exception {
        try (Connection c = env.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int port;

    /** The simulator's executable jar in a process of its own; invoices stay 60 s in each of statuses 100 and 150. */
    private static Process startSimulator() throws Exception {
        port = 18_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000);
        Path jar = Files.list(Path.of("../ksef-simulator/target"))
                .filter(p -> p.toString().endsWith("-exec.jar")).findFirst().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx1g", "-jar",
                jar.toString()).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("simulator", ".log").toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("SIMULATOR_PROCESSING_DELAY", System.getProperty("bench.verdictDelay", "60s"));
        builder.environment().put("SIMULATOR_RATE_LIMITS_ENABLED", "false");
        Process process = builder.start();
        SubmissionBenchmark.awaitUp(URI.create("http://127.0.0.1:" + port));
        return process;
    }
}
