package dev.ksefplatform.testsupport;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * The heap retained at one moment, for the benchmarks of memory per in-flight invoice (issue #8): heap used after
 * full collections and, with {@code -Dbench.histogram=true}, the live objects by class (the JVM's class histogram),
 * so two snapshots tell what a held invoice is made of. Take figures without histograms: the first snapshot's class
 * map (~1 MB) is still alive when the second is taken, and counts as held.
 */
public record RetainedHeap(long used, Map<String, long[]> classes) {

    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Three full collections, then the heap in use (and the class histogram when asked for). */
    public static RetainedHeap take() {
        if (Boolean.getBoolean("bench.histogram") && !WARMED.getAndSet(true)) {
            histogram(); // the first call leaves the MBean server's structures behind: not in any difference
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new RetainedHeap(used, Boolean.getBoolean("bench.histogram") ? histogram() : Map.of());
    }

    /** Bytes per held item between {@code none} and this. */
    public double perItem(RetainedHeap none, int items) {
        return (used - none.used) / (double) items;
    }

    /** The {@code top} classes that grew most from {@code none}, per held item; empty without histograms. */
    public List<String> growth(RetainedHeap none, int items, int top) {
        List<String> lines = new ArrayList<>();
        classes.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), delta(e.getValue(), none.classes.get(e.getKey()))))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                .forEach(e -> lines.add(String.format("  %,9.0f bytes %7.2f objects per item  %s",
                        e.getValue()[1] / (double) items, e.getValue()[0] / (double) items, e.getKey())));
        return lines;
    }

    private static long[] delta(long[] now, long[] before) {
        return before == null ? now : new long[] {now[0] - before[0], now[1] - before[1]};
    }

    private static Map<String, long[]> histogram() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, long[]> classes = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
            return classes;
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("no class histogram", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
