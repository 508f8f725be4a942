package dev.ksefplatform.sync.bench;

import dev.ksefplatform.audit.AuditProjectorApplication;
import dev.ksefplatform.sync.SyncServiceApplication;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Rebuild throughput of each read model against the raw Kafka consume rate of the same records, in one run,
 * over embedded Kafka (KRaft, 12 partitions) and PostgreSQL. It fills the event log with {@code N} events
 * ({@link EventLogFiller}), measures a plain consumer reading them all (bytes, then decoded), then starts each
 * service alone on the filled log: its first replay warms the JVM up, then {@code POST /admin/v1/rebuild}
 * (truncate, replay from the start) {@code rebuilds} times, each timed until the service's stored offsets reach the log's end.
 * Prints figures, asserts nothing. Usage: {@code RebuildBenchmark [events=200000] [tenants=1000] [rebuilds=3]}; the exact
 * command is in sync-service's README (Figures).
 */
public final class RebuildBenchmark {

    private static final String ADMIN = "bench-admin-token";

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        int tenants = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rebuilds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String kafka = EmbeddedKafka.get().bootstrapServers();
        EmbeddedPostgres.get();
        EventLogFiller filler = new EventLogFiller(kafka, tenants);
        long start = System.nanoTime();
        long records = filler.fill(events);
        System.out.printf("FILL %,d events over %d tenants in %.1f s: %s%n", records, tenants, seconds(start),
                filler.counts());

        for (int run = 0; run < 2; run++) {
            System.out.printf("KAFKA run %d: raw bytes %,.0f events/s, decoded EventEnvelope %,.0f events/s%n", run,
                    KafkaConsumeRate.eventsPerSecond(kafka, records, false),
                    KafkaConsumeRate.eventsPerSecond(kafka, records, true));
        }
        measure("sync-service", SyncServiceApplication.builder(), "sync", records, rebuilds);
        measure("audit-projector", AuditProjectorApplication.builder(), "audit", records, rebuilds);
        System.out.printf("LOAD average %.2f on %d cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.exit(0);
    }

    private static void measure(String name, SpringApplicationBuilder builder, String schema, long records,
                                int rebuilds) throws Exception {
        long start = System.nanoTime();
        try (ConfigurableApplicationContext service = builder.run(arguments(schema))) {
            awaitCaughtUp(schema, records);
            System.out.printf("%s first replay (JVM cold, incl. %s start) %,d events in %.1f s -> %,.0f events/s%n",
                    name, name, records, seconds(start), records / seconds(start));
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            WebClient http = WebClient.builder().baseUrl("http://localhost:" + port)
                    .defaultHeader("Authorization", "Bearer " + ADMIN).build();
            for (int run = 1; run <= rebuilds; run++) {
                CpuTime cpu = CpuTime.now();
                long rebuild = System.nanoTime();
                http.post().uri("/admin/v1/rebuild").retrieve().toBodilessEntity().block();
                awaitCaughtUp(schema, records);
                double s = seconds(rebuild);
                CpuTime used = CpuTime.now().minus(cpu);
                System.out.printf("%s rebuild %d: %,d events in %.1f s -> %,.0f events/s; CPU per event: JVM %.1f us"
                                + " (service + embedded broker), PostgreSQL %.1f us (load %.1f)%n", name, run, records, s,
                        records / s, used.jvmNanos() / 1e3 / records, used.postgresNanos() / 1e3 / records,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            System.out.printf("%s rows: %s%n", name, rows(schema));
            System.out.printf("%s scans: %s%n", name, scans(schema));
        }
    }

    private static String[] arguments(String schema) {
        Map<String, Object> p = new HashMap<>(EmbeddedPostgres.get().springProperties());
        p.put("spring.kafka.bootstrap-servers", EmbeddedKafka.get().bootstrapServers());
        p.put("server.port", 0);
        p.put(schema + ".security.callers.admin", ADMIN);
        p.put("sync.schedule.enabled", false);
        p.put("logging.level.root", "WARN");
        List<String> args = new ArrayList<>();
        p.forEach((key, value) -> args.add("--" + key + "=" + value));
        return args.toArray(String[]::new);
    }

    /** Until the offsets stored with the read model cover every record of the log. */
    private static void awaitCaughtUp(String schema, long records) throws Exception {
        while (applied(schema) < records) {
            Thread.sleep(20);
        }
    }

    private static long applied(String schema) throws SQLException {
        return longOf("SELECT coalesce(sum(last_offset + 1), 0) FROM " + schema + ".applied_offsets");
    }

    private static Map<String, Long> rows(String schema) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        List<String> tables = "sync".equals(schema)
                ? List.of("submissions", "documents_raw", "inbox", "sync_state", "integrations", "submission_holds")
                : List.of("audit_log");
        for (String table : tables) {
            rows.put(table, longOf("SELECT count(*) FROM " + schema + "." + table));
        }
        return rows;
    }

    /** Sequential and index scans per table: a read-model lookup that scans a growing table shows here. */
    private static List<String> scans(String schema) throws SQLException {
        List<String> scans = new ArrayList<>();
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT relname, seq_scan, seq_tup_read, idx_scan"
                     + " FROM pg_stat_user_tables WHERE schemaname = '" + schema + "' ORDER BY relname")) {
            while (result.next()) {
                scans.add(result.getString(1) + " seq=" + result.getLong(2) + "/" + result.getLong(3) + "rows idx="
                        + result.getLong(4));
            }
        }
        return scans;
    }

    private static long longOf(String sql) throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
