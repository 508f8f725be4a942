package dev.ksefplatform.commandapi.bench;

import java.util.Map;
import java.util.TreeMap;

/** One window's figures as a line: rate, latency, CPU and allocation per request. */
final class Figures {

    private static final double TICK_MILLIS = 10; // USER_HZ = 100 on Linux
    /** {@link CpuMeter}'s groups of command-api's own threads (the rest of the JVM is broker and load generator). */
    static final String GATEWAY = "gateway: ";

    private Figures() {
    }

    static String line(String what, int rate, OpenLoop.Result r, CpuMeter.Sample before, CpuMeter.Sample after,
                       String collections) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        int n = r.sent();
        double process = (after.processCpuNanos() - before.processCpuNanos()) / 1e6;
        StringBuilder out = new StringBuilder(String.format(
                "FIGURE %-30s offered %5d/s: ok %6d/%6d, accepted %7.1f/s | latency p50 %6.2f p99 %7.2f max %7.2f ms"
                        + " | JVM CPU %.3f ms/req (%.0f%% of 2 cores) | PostgreSQL %.3f ms/req | machine busy %.0f%% | %s%n",
                what, rate, r.succeeded(), n, r.succeeded() / r.windowSeconds(), r.percentileMillis(0.50),
                r.percentileMillis(0.99), r.maxMillis(), process / n, 100 * process / 1e3 / seconds / 2,
                after.postgresTicksSince(before) * TICK_MILLIS / n,
                100.0 * (after.machine()[0] - before.machine()[0]) / Math.max(1, after.machine()[1] - before.machine()[1]),
                collections));
        double threads = 0;
        double gatewayCpu = 0;
        double gatewayBytes = 0;
        for (Map.Entry<String, long[]> group : new TreeMap<>(after.groupsSince(before)).entrySet()) {
            double cpu = (group.getValue()[0]) / 1e6;
            threads += cpu;
            if (group.getKey().startsWith(GATEWAY)) {
                gatewayCpu += cpu;
                gatewayBytes += group.getValue()[1];
            }
            out.append(String.format("         %-30s CPU %.3f ms/req, allocated %7.1f KB/req%n", group.getKey(), cpu / n,
                    (group.getValue()[1]) / 1024.0 / n));
        }
        out.append(String.format("         %-30s CPU %.3f ms/req (process CPU minus thread CPU)%n", "GC, JIT, VM", (process - threads) / n));
        out.append(String.format("         %-30s JVM %.0f%% of its CPU in the kernel, minor page faults JVM %.2f, PostgreSQL %.2f per request%n",
                "kernel", 100 * after.jvmKernelShare(before), (double) after.jvmFaultsSince(before) / n,
                (double) after.postgresFaultsSince(before) / n));
        StringBuilder roles = new StringBuilder();
        after.postgresTicksByRole(before).forEach((role, ticks) -> roles.append(String.format(", %s %.3f", role, ticks * TICK_MILLIS / n)));
        out.append(String.format("         %-30s CPU ms/req%s%n", "PostgreSQL by process", roles));
        int accepted = Math.max(1, r.succeeded());
        out.append(String.format("         %-30s CPU %.3f ms, allocated %.1f KB per accepted request (its threads: %s*)",
                "command-api", gatewayCpu / accepted, gatewayBytes / 1024.0 / accepted, GATEWAY));
        return out.toString();
    }
}
