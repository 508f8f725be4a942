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
                  Map<String, Double> allocatedAfter, Map<String, ThreadCpu.Sample> threadsBefore,
                  Map<String, ThreadCpu.Sample> threadsAfter) {
    }

    /**
     * Each service's CPU per invoice split by its threads: the JIT compiler's, the garbage collector's and the rest,
     * with the busiest groups, and the platform's cost without the compiler's threads (what a warmed-up service
     * spends: issue #8 asks for the cost after warm-up, so that JIT compilation is not what is measured). Time of
     * threads that ended within the window is in the process's total but in no group: it counts as the platform's.
     */
    static String threads(String phase, int invoices, Window w, List<String> services) {
        StringBuilder out = new StringBuilder(String.format("FIGURE cost/%s threads: CPU ms per invoice, JIT compiler"
                + " | GC | the rest (its busiest thread groups)%n", phase));
        double total = 0;
        double jit = 0;
        for (String app : services) {
            ThreadCpu.Sample before = w.threadsBefore().get(app);
            ThreadCpu.Sample after = w.threadsAfter().get(app);
            Map<String, Double> kinds = new java.util.HashMap<>();
            after.millisSince(before).forEach((group, ms) -> kinds.merge(ThreadCpu.kind(group), ms, Double::sum));
            double process = w.cpuAfter().millisSince(w.cpuBefore(), app);
            total += process / invoices;
            jit += kinds.getOrDefault("jit", 0.0) / invoices;
            out.append(String.format("    %-20s %.3f | %.3f | %.3f ms (%s)%n", app,
                    kinds.getOrDefault("jit", 0.0) / invoices, kinds.getOrDefault("gc", 0.0) / invoices,
                    (process - kinds.getOrDefault("jit", 0.0) - kinds.getOrDefault("gc", 0.0)) / invoices,
                    ThreadCpu.busiest(before, after, 4, invoices).trim()));
        }
        return out.append(String.format("    = platform: the JIT compiler's threads %.3f ms (%.0f %% of %.3f);"
                + " without them %.3f ms per invoice (goal ≤ 1 ms)", jit, 100 * jit / total, total, total - jit))
                .toString();
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
