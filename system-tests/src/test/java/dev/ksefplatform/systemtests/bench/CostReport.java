package dev.ksefplatform.systemtests.bench;

import dev.ksefplatform.deploy.Apps;
import java.util.List;
import java.util.Map;

/** One phase's CPU and allocation per invoice, service by service, as {@code FIGURE} lines. */
final class CostReport {

    private static final List<String> OUTSIDE = List.of(Apps.SIMULATOR, CostPlatform.KAFKA, CostPlatform.POSTGRES,
            CostPlatform.BENCH);

    private CostReport() {
    }

    /** What was measured over one phase: CPU and allocation samples at its start and end. */
    record Window(ProcessCpu.Sample cpuBefore, ProcessCpu.Sample cpuAfter, Map<String, Double> allocatedBefore,
                  Map<String, Double> allocatedAfter) {
    }

    /** @param idle name → CPU ms per second at rest, to tell the invoices' work from what the window costs anyway */
    static String lines(String phase, int invoices, Window w, Map<String, Double> idle, java.util.List<String> services) {
        double seconds = w.cpuAfter().secondsSince(w.cpuBefore());
        StringBuilder out = new StringBuilder(String.format("FIGURE cost/%s cpu: %,d invoices over %.1f s, CPU per invoice"
                + " (process user+system time / invoices)%n", phase, invoices, seconds));
        double platform = 0;
        double aboveIdle = 0;
        for (String app : services) {
            double ms = w.cpuAfter().millisSince(w.cpuBefore(), app) / invoices;
            platform += ms;
            double beyondIdle = ms - idle.getOrDefault(app, 0.0) * seconds / invoices;
            aboveIdle += beyondIdle;
            out.append(String.format("    %-20s %7.3f ms  (%4.0f%% of a core)  beyond idle %7.3f ms  allocated %s%n", app, ms,
                    100 * ms * invoices / 1e3 / seconds, beyondIdle, allocated(w, app, invoices)));
        }
        out.append(String.format("    %-20s %7.3f ms per invoice, beyond idle %.3f ms   (goal ≤ 1 ms)%n", "= platform",
                platform, aboveIdle));
        double ours = platform;
        StringBuilder outside = new StringBuilder("    not the platform's:");
        for (String name : OUTSIDE) {
            double ms = w.cpuAfter().millisSince(w.cpuBefore(), name) / invoices;
            ours += ms;
            outside.append(String.format(" %s %.3f ms%s;", name, ms,
                    name.equals(Apps.SIMULATOR) ? " (alloc " + allocated(w, name, invoices) + ")" : ""));
        }
        double machine = w.cpuAfter().millisSince(w.cpuBefore(), ProcessCpu.MACHINE) / invoices;
        out.append(outside).append(String.format("%n    whole machine %.3f ms per invoice (%.0f%% of 2 cores busy),"
                + " of which other users' processes %.3f ms; %s", machine, 100 * machine * invoices / 1e3 / seconds / 2,
                machine - ours, others(w.cpuBefore(), w.cpuAfter())));
        return out.toString();
    }

    /** The share of the machine's two cores that processes other than ours kept busy between two samples. */
    static String others(ProcessCpu.Sample before, ProcessCpu.Sample after) {
        double ours = after.ticks().keySet().stream().filter(n -> !n.equals(ProcessCpu.MACHINE))
                .mapToDouble(n -> after.millisSince(before, n)).sum();
        double others = after.millisSince(before, ProcessCpu.MACHINE) - ours;
        return String.format("other users' processes %.0f%% of 2 cores, load average %s", 100 * others / 1e3
                / after.secondsSince(before) / 2, loadAverage());
    }

    static String loadAverage() {
        try {
            String[] load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return load[0] + " " + load[1] + " " + load[2];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    private static String allocated(Window w, String app, int invoices) {
        Double before = w.allocatedBefore().get(app);
        Double after = w.allocatedAfter().get(app);
        if (before == null || after == null || before < 0 || after < 0) {
            return "n/a";
        }
        return String.format("%,.0f KB", (after - before) / 1024 / invoices);
    }
}
