package dev.ksefplatform.systemtests.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Waits, before a measured phase, until the services' JIT compiler threads are quiet: their CPU over the last second
 * below {@code quietMillisPerSecond} (all services together), for {@code quietSeconds} seconds in a row, at most
 * {@code max}. On two busy cores the compiler lags: it was still busy 4–25 s after each phase in the runs of
 * 2026-12-07, and without the wait the next phase would be charged for it. It does not remove the compilation a phase
 * does for itself, which in those runs was most of it (docs/COST-LOG.md, "The compiler in the measured phase, again").
 */
final class JitSettle {

    private final Function<String, ThreadCpu.Sample> sampler;
    private final List<String> services;

    JitSettle(List<String> services, Function<String, ThreadCpu.Sample> sampler) {
        this.services = services;
        this.sampler = sampler;
    }

    /** The line it prints: how long it waited and the compiler threads' CPU per second at the end, per service. */
    String await(String phase, double quietMillisPerSecond, int quietSeconds, Duration max) {
        long start = System.nanoTime();
        Map<String, ThreadCpu.Sample> before = samples();
        Map<String, Double> last = Map.of();
        int quiet = 0;
        while (quiet < quietSeconds && System.nanoTime() - start < max.toNanos()) {
            CostBenchmark.pause(1_000);
            Map<String, ThreadCpu.Sample> now = samples();
            last = jitMillis(before, now);
            before = now;
            quiet = last.values().stream().mapToDouble(Double::doubleValue).sum() < quietMillisPerSecond ? quiet + 1 : 0;
        }
        StringBuilder line = new StringBuilder(String.format("FIGURE cost/jit settle before %s: %s after %.0f s (at %s"
                + " UTC); the compiler threads' CPU in the last second (ms):", phase, quiet >= quietSeconds ? "quiet"
                : "NOT quiet (gave up)", (System.nanoTime() - start) / 1e9,
                java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0)));
        last.forEach((app, ms) -> line.append(String.format(" %s %.0f;", app, ms)));
        return line.toString();
    }

    private Map<String, ThreadCpu.Sample> samples() {
        Map<String, ThreadCpu.Sample> samples = new LinkedHashMap<>();
        services.forEach(app -> samples.put(app, sampler.apply(app)));
        return samples;
    }

    private static Map<String, Double> jitMillis(Map<String, ThreadCpu.Sample> before, Map<String, ThreadCpu.Sample> after) {
        Map<String, Double> jit = new LinkedHashMap<>();
        after.forEach((app, sample) -> jit.put(app, sample.millisSince(before.get(app)).entrySet().stream()
                .filter(e -> ThreadCpu.kind(e.getKey()).equals("jit")).mapToDouble(Map.Entry::getValue).sum()));
        return jit;
    }
}
