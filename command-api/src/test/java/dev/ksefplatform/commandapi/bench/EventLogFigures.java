package dev.ksefplatform.commandapi.bench;

import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import reactor.core.publisher.Mono;

/** {@link EventLogBenchmark}'s windows: command-api's threads' CPU, allocation and transactions per command. */
final class EventLogFigures {

    private static final GcPauses PAUSES = GcPauses.listen();

    private EventLogFigures() {
    }

    static String idle(EmbeddedPostgres postgres, Duration window) {
        Window w = Window.start(postgres);
        sleep(window);
        return w.line("idle (schedules only), per second", window.toSeconds());
    }

    static String measure(EmbeddedPostgres postgres, int rate, Duration window, IntFunction<Mono<Boolean>> command,
                          EventLogDrain drain) {
        Window w = Window.start(postgres);
        OpenLoop.Result result = OpenLoop.run(rate, window, command);
        drain.await();
        return w.line(String.format("%d commands/s, %d of %d acked, per command", rate, result.succeeded(), result.sent()),
                result.sent());
    }

    private record Window(EmbeddedPostgres postgres, CpuMeter meter, CpuMeter.Sample before, long transactionsBefore) {

        static Window start(EmbeddedPostgres postgres) {
            CpuMeter meter = new CpuMeter(postgres.port());
            PAUSES.takeWindow();
            return new Window(postgres, meter, meter.sample(), committed(postgres));
        }

        String line(String what, long per) {
            CpuMeter.Sample after = meter.sample();
            String collections = PAUSES.takeWindow();
            double seconds = (after.nanos() - before.nanos()) / 1e9;
            sleep(Duration.ofMillis(1500)); // a backend reports its counts to pg_stat_database at most once a second
            StringBuilder out = new StringBuilder(String.format(
                    "FIGURE event log: %s (window %.1f s): PostgreSQL transactions %.3f, PostgreSQL CPU %.3f ms,"
                            + " %s%n", what, seconds, (committed(postgres) - transactionsBefore) / (double) per,
                    after.postgresTicksSince(before) * 10.0 / per, collections));
            double cpu = 0;
            double bytes = 0;
            for (Map.Entry<String, long[]> group : new TreeMap<>(after.groupsSince(before)).entrySet()) {
                double ms = group.getValue()[0] / 1e6;
                double kb = group.getValue()[1] / 1024.0;
                if (group.getKey().startsWith(Figures.GATEWAY)) {
                    cpu += ms;
                    bytes += kb;
                }
                out.append(String.format("         %-30s CPU %.4f ms, allocated %8.2f KB%n", group.getKey(), ms / per, kb / per));
            }
            return out.append(String.format("         %-30s CPU %.4f ms, allocated %.2f KB (its threads: %s*)",
                    "command-api", cpu / per, bytes / per, Figures.GATEWAY)).toString();
        }
    }

    /** Committed transactions of the database: each statement outside a transaction is one. */
    private static long committed(EmbeddedPostgres postgres) {
        try (Connection c = postgres.connect(); ResultSet r = c.createStatement().executeQuery(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
