package dev.ksefplatform.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of one process's threads from {@code /proc/<pid>/task/<tid>/stat} (Linux), grouped by the thread's OS name
 * with its digits folded ({@code kafka-producer-network-thread | x-7} and {@code … x-8} are one group): the JVM's own
 * threads (GC, JIT, VM thread) are there too, which a profiler of Java code does not see. The kernel keeps 15
 * characters of a name.
 */
final class ThreadCpu {

    private ThreadCpu() {
    }

    /** thread id → (group name, utime + stime ticks) of every live thread. */
    record Sample(Map<Long, Map.Entry<String, Long>> threads) {

        /** group → CPU ms between two samples; a thread born in between counts from zero, one that ended is lost. */
        Map<String, Double> millisSince(Sample before) {
            Map<String, Double> groups = new HashMap<>();
            threads.forEach((tid, now) -> {
                Map.Entry<String, Long> then = before.threads.get(tid);
                long ticks = now.getValue() - (then == null ? 0 : then.getValue());
                groups.merge(now.getKey(), ticks * ProcessCpu.TICK_MILLIS, Double::sum);
            });
            return groups;
        }
    }

    /** The group a thread belongs to: the JIT compiler's threads, the garbage collector's, or the rest. */
    static String kind(String group) {
        if (group.startsWith("C# CompilerThre")) {
            return "jit";
        }
        return group.startsWith("GC Thread") || group.startsWith("G# ") ? "gc" : "rest";
    }

    /** The {@code limit} busiest groups between two samples, "name value;" each, in {@code unit} per {@code per}. */
    static String busiest(Sample before, Sample after, int limit, double per) {
        StringBuilder out = new StringBuilder();
        after.millisSince(before).entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.append(String.format(" %s %.3f;", e.getKey(), e.getValue() / per)));
        return out.toString();
    }

    static Sample sample(long pid) {
        Map<Long, Map.Entry<String, Long>> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> read(task)
                    .ifPresent(e -> threads.put(Long.parseLong(task.getFileName().toString()), e)));
        } catch (IOException e) {
            return new Sample(Map.of()); // the process has ended: the caller reports it dead
        }
        return new Sample(threads);
    }

    private static java.util.Optional<Map.Entry<String, Long>> read(Path task) {
        try {
            String text = Files.readString(task.resolve("stat"));
            String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')).replaceAll("[0-9]+", "#");
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return java.util.Optional.of(Map.entry(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty(); // a thread that ended between listing and reading
        }
    }
}
