package dev.ksefplatform.worker.it;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time and bytes allocated by each live thread of this JVM since {@link #start()}, folded by thread name with its
 * numbers taken out ({@code lane-12} → {@code lane-#}). The benchmark runs the worker, the simulator and the Kafka
 * broker in one JVM, so the process's CPU is not the worker's: the names tell them apart. A thread that ends inside
 * the window is not counted (the pools measured here live for the whole run).
 */
final class ThreadCosts {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, long[]> before = new HashMap<>();

    ThreadCosts start() {
        threads.setThreadCpuTimeEnabled(true);
        threads.setThreadAllocatedMemoryEnabled(true);
        for (long id : threads.getAllThreadIds()) {
            before.put(id, new long[] {threads.getThreadCpuTime(id), threads.getThreadAllocatedBytes(id)});
        }
        return this;
    }

    /** {name without numbers → {CPU ns, bytes}} since {@link #start()}. */
    Map<String, long[]> sinceStart() {
        Map<String, long[]> byName = new TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long id = info.getThreadId();
            long cpu = threads.getThreadCpuTime(id);
            long bytes = threads.getThreadAllocatedBytes(id);
            long[] was = before.getOrDefault(id, new long[2]);
            long[] sum = byName.computeIfAbsent(info.getThreadName().replaceAll("\\d+", "#"), k -> new long[2]);
            sum[0] += Math.max(0, cpu - was[0]);
            sum[1] += Math.max(0, bytes - was[1]);
        }
        return byName;
    }
}
