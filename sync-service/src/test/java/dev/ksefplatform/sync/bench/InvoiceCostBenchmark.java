package dev.ksefplatform.sync.bench;

import dev.ksefplatform.audit.AuditProjectorApplication;
import dev.ksefplatform.sync.SyncServiceApplication;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The cost of one invoice in one read-model service alone (issue #8): the events of N accepted invoices
 * ({@link CommandEvents}) put on a real broker (embedded KRaft Kafka), the service (sync-service or audit-projector)
 * folding them into a real PostgreSQL with {@code fsync} on ({@link StatementCounter}). After a warm-up, two phases:
 * {@code idle} is the service at rest for 10 s, {@code kafka} publishes N invoices at once, {@code trickle} publishes M at R invoices a second (the REST phase's
 * rate, where each batch's fixed cost weighs more); each ends when the offsets stored with the read model cover the
 * log. Per invoice it prints the CPU and the heap allocated by the service's threads ({@link ServiceThreads}),
 * the statements PostgreSQL ran for it, their execution and planning time, and the top statements; then the heap per
 * in-flight invoice ({@link InFlightHeap}). Prints figures, asserts nothing.
 * Usage: {@code InvoiceCostBenchmark sync|audit [invoices=2000] [trickle=1000] [rate=100] [--spring.property=value…]};
 * the command is in sync-service's README (Cost per invoice).
 */
public final class InvoiceCostBenchmark {

    private static final int TENANTS = 20;

    private InvoiceCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String schema = args[0];
        int invoices = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int trickle = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        List<String> overrides = Arrays.stream(args).filter(a -> a.startsWith("--")).toList();
        SpringApplicationBuilder builder = "sync".equals(schema)
                ? SyncServiceApplication.builder() : AuditProjectorApplication.builder();
        try (StatementCounter db = new StatementCounter();
             CommandEvents events = new CommandEvents(EmbeddedKafka.get().bootstrapServers(), TENANTS)) {
            ServiceThreads threads = ServiceThreads.before();
            try (ConfigurableApplicationContext service = builder.run(arguments(db, schema, overrides))) {
                System.out.printf("SERVICE %s, overrides %s, plan_cache_mode %s%n", schema, overrides,
                        service.getBean(DatabaseClient.class).sql("SHOW plan_cache_mode")
                                .map(row -> row.get(0, String.class)).one().block());
                phase("warm-up", threads, db, events, schema, 3_000, 0);
                phase("warm-up trickle", threads, db, events, schema, 500, rate);
                idle(threads, schema);
                phase("kafka", threads, db, events, schema, invoices, 0);
                phase("trickle", threads, db, events, schema, trickle, rate);
                double heap = InFlightHeap.perInvoice(service, events, db, schema, 800);
                awaitCaughtUp(db, schema, events.sent());
                System.out.printf("FIGURE %s heap per in-flight invoice: %,.0f bytes (800 invoices, %d events)%n",
                        schema, heap, 800 * CommandEvents.PER_COMMAND);
            }
        }
        System.exit(0);
    }

    private static void phase(String name, ServiceThreads threads, StatementCounter db, CommandEvents events,
                              String schema, int invoices, int rate) throws Exception {
        double load = load();
        db.reset();
        ServiceThreads.Usage before = threads.now();
        long start = System.nanoTime();
        events.publish(invoices, rate);
        awaitCaughtUp(db, schema, events.sent());
        double seconds = (System.nanoTime() - start) / 1e9;
        ServiceThreads.Usage used = threads.now().minus(before);
        List<StatementCounter.Counted> statements = db.read();
        System.out.printf("FIGURE %s/%s: %,d invoices in %.1f s; per invoice: CPU %.3f ms, allocated %.1f KB,"
                        + " statements %.2f, execution %.3f ms, planning %.3f ms (load %.2f -> %.2f)%n", schema, name,
                invoices, seconds, used.cpuNanos() / 1e6 / invoices, used.allocatedBytes() / 1024.0 / invoices,
                statements.stream().mapToLong(StatementCounter.Counted::calls).sum() / (double) invoices,
                statements.stream().mapToDouble(StatementCounter.Counted::execMs).sum() / invoices,
                statements.stream().mapToDouble(StatementCounter.Counted::planMs).sum() / invoices, load, load());
        statements.stream().limit(8).forEach(s -> System.out.printf("  %6.3f calls %8.1f rows/call %7.4f ms exec"
                        + " %7.4f ms plan per invoice  %s%n", s.calls() / (double) invoices,
                s.calls() == 0 ? 0 : s.rows() / (double) s.calls(), s.execMs() / invoices, s.planMs() / invoices,
                s.query().replaceAll("\\s+", " ").substring(0, Math.min(110, s.query().length()))));
    }

    /** What the service spends doing nothing (polls, heartbeats, metrics): part of every trickle figure. */
    private static void idle(ServiceThreads threads, String schema) throws InterruptedException {
        ServiceThreads.Usage before = threads.now();
        Thread.sleep(10_000);
        ServiceThreads.Usage used = threads.now().minus(before);
        System.out.printf("FIGURE %s/idle: CPU %.3f ms and %.1f KB allocated per second at rest (load %.2f)%n", schema,
                used.cpuNanos() / 1e6 / 10, used.allocatedBytes() / 1024.0 / 10, load());
    }

    private static String[] arguments(StatementCounter db, String schema, List<String> overrides) {
        Map<String, Object> p = new HashMap<>(db.springProperties());
        p.put("spring.kafka.bootstrap-servers", EmbeddedKafka.get().bootstrapServers());
        p.put("server.port", 0);
        p.put("sync.schedule.enabled", false);
        p.put("logging.level.root", "WARN");
        List<String> args = new ArrayList<>();
        p.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(overrides);
        return args.toArray(String[]::new);
    }

    /** Until the offsets stored with the read model cover every record of the log. */
    private static void awaitCaughtUp(StatementCounter db, String schema, long records) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet r = s.executeQuery("SELECT coalesce(sum(last_offset + 1), 0) FROM " + schema
                        + ".applied_offsets")) {
                    r.next();
                    if (r.getLong(1) >= records) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
