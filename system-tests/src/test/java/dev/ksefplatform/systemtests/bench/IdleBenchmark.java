package dev.ksefplatform.systemtests.bench;

import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform at rest (issue #8), a {@code main}, not a test: the cost benchmark's processes ({@link CostPlatform}),
 * a warm-up over REST until every invoice is final, then windows with no traffic at all: each process's CPU ms per
 * second, each service's threads by CPU ({@link ThreadCpu}), and a JFR recording of one more window per service
 * ({@link JfrSummary}). Run with {@code system-tests/bench-idle.sh}; knobs as system properties:
 * {@code bench.tenants} (5), {@code bench.warmup} (1000 invoices at {@code bench.warmupRate} 100/s),
 * {@code bench.settleSeconds} (20), {@code bench.idleSeconds} (60), {@code bench.windows} (2),
 * {@code bench.jfrSeconds} (60; 0 = none), {@code bench.jvmOptions}, {@code bench.workerEnv} (as the cost benchmark).
 */
public final class IdleBenchmark {

    private static final Path JFR = Path.of("target", "idle-jfr").toAbsolutePath();
    private static final int THREAD_LINES = 8;

    public static void main(String[] args) {
        Settings s = Settings.fromSystemProperties();
        int settle = Integer.getInteger("bench.settleSeconds", 20);
        int windows = Integer.getInteger("bench.windows", 2);
        int jfrSeconds = Integer.getInteger("bench.jfrSeconds", 60);
        System.out.println("idle benchmark: " + s + ", load average " + CostReport.loadAverage());
        int exit = 0;
        try (CostPlatform platform = CostPlatform.start(s.jvmOptions(), s.workers(), s.workerEnv(), s.postgres());
             Finals finals = new Finals(platform.bootstrapServers())) {
            warmUp(platform, finals, s);
            CostBenchmark.pause(settle * 1_000L);
            for (int w = 1; w <= windows; w++) {
                window(platform, w, s.idleSeconds());
            }
            if (jfrSeconds > 0) {
                record(platform, jfrSeconds);
            }
            exit = platform.allAlive() ? 0 : 1;
        } catch (RuntimeException e) {
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    private static void warmUp(CostPlatform platform, Finals finals, Settings s) {
        PlatformClient client = platform.client();
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < s.tenants(); i++) {
            tenants.add(client.onboard("Idle tenant " + i, Nips.random()));
        }
        RestLoad.Result warm = new RestLoad(platform.url(Apps.COMMAND_API), tenants).run(s.warmupRate(), s.warmup());
        finals.await("warm-up", warm.accepted().keySet(), s.timeout());
        platform.backlog().awaitEmpty(s.timeout().toMillis());
        System.out.printf("warm-up: %,d invoices over REST at %d/s, %,d final, %,d missing%n", s.warmup(),
                s.warmupRate(), warm.accepted().size(), finals.missing(warm.accepted().keySet()));
    }

    /** One window at rest: CPU ms per second of every process, then each service's busiest thread groups. */
    private static void window(CostPlatform platform, int n, int seconds) {
        Map<String, Long> pids = platform.pids();
        ProcessCpu cpu = new ProcessCpu(pids, CostPlatform.POSTGRES);
        Map<String, ThreadCpu.Sample> threadsBefore = new LinkedHashMap<>();
        platform.services().forEach(app -> threadsBefore.put(app, ThreadCpu.sample(pids.get(app))));
        ProcessCpu.Sample before = cpu.sample();
        CostBenchmark.pause(seconds * 1_000L);
        ProcessCpu.Sample after = cpu.sample();
        double elapsed = after.secondsSince(before);
        StringBuilder line = new StringBuilder("FIGURE idle/window " + n + ": CPU ms per second at rest over "
                + Math.round(elapsed) + " s:");
        pids.keySet().forEach(name -> line.append(String.format(" %s %.1f;", name,
                after.millisSince(before, name) / elapsed)));
        System.out.println(line.append(' ').append(CostReport.others(before, after)));
        threadsBefore.forEach((app, t0) -> System.out.println(threads(app, t0, ThreadCpu.sample(pids.get(app)),
                elapsed)));
    }

    private static String threads(String app, ThreadCpu.Sample before, ThreadCpu.Sample after, double seconds) {
        return "    " + app + " threads, ms/s:" + ThreadCpu.busiest(before, after, THREAD_LINES, seconds);
    }

    /** A JFR recording of one more window at rest per service (JFR's own threads cost CPU, so not in the figures). */
    private static void record(CostPlatform platform, int seconds) {
        Recordings recordings = Recordings.start(platform, JFR, "idle");
        CostBenchmark.pause(seconds * 1_000L);
        recordings.stop().forEach((app, file) ->
                System.out.println(JfrSummary.lines("idle/jfr " + app + " (" + seconds + " s)", file, seconds, "second")));
    }

    private IdleBenchmark() {
    }
}
