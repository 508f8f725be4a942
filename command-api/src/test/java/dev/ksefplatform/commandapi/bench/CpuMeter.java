package dev.ksefplatform.commandapi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and allocation over a window: the whole JVM (process CPU time), its threads grouped by role (thread CPU time
 * and allocated bytes), our embedded PostgreSQL server's processes and the whole machine (from /proc, Linux only;
 * the machine figure includes whatever else runs on it). From /proc also what the kernel charges: the share of the
 * JVM's CPU time spent in it (system calls, page faults) and the minor page faults of the JVM and of PostgreSQL.
 */
final class CpuMeter {

    /** Thread name prefix → group; the first match wins, the rest is "other". */
    private static final List<String[]> GROUPS = List.of(
            new String[] {"webflux-http", "gateway: HTTP event loops"},
            new String[] {"reactor-http", "gateway: HTTP event loops"},
            new String[] {"reactor-tcp", "gateway: R2DBC event loops"},
            new String[] {"boundedElastic", "gateway: boundedElastic"},
            new String[] {"parallel", "gateway: parallel"},
            new String[] {"kafka-producer-network-thread | bench-floor", "floor: Kafka producer"},
            new String[] {"kafka-producer-network-thread | bench-", "load generator"},
            new String[] {"eventLogWatcher", "gateway: Kafka consumers"},
            new String[] {"kafka-coordinator-heartbeat-thread", "gateway: Kafka consumers"},
            new String[] {"scheduling", "gateway: scheduling"},
            new String[] {"kafka-producer-network-thread", "gateway: Kafka producer"},
            new String[] {"bench-", "load generator"},
            new String[] {"kafka", "Kafka broker"},
            new String[] {"data-plane", "Kafka broker"},
            new String[] {"broker-", "Kafka broker"},
            new String[] {"controller", "Kafka broker"},
            new String[] {"raft", "Kafka broker"},
            new String[] {"quorum", "Kafka broker"},
            new String[] {"ExpirationReaper", "Kafka broker"});

    private final int postgresPort;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    CpuMeter(int postgresPort) {
        this.postgresPort = postgresPort;
    }

    Sample sample() {
        Map<Long, ThreadTimes> byThread = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            long allocated = threads.getThreadAllocatedBytes(info.getThreadId());
            byThread.put(info.getThreadId(), new ThreadTimes(group(info.getThreadName()), Math.max(0, cpu),
                    Math.max(0, allocated)));
        }
        return new Sample(System.nanoTime(), os.getProcessCpuTime(), byThread, postgresStats(), machineTicks(),
                stat(Path.of("/proc/self/stat")));
    }

    /** One thread's CPU nanoseconds and allocated bytes so far, and its group. */
    record ThreadTimes(String group, long cpu, long allocated) {
    }

    static String group(String threadName) {
        return GROUPS.stream().filter(g -> threadName.startsWith(g[0])).map(g -> g[1]).findFirst().orElse("other JVM threads");
    }

    /** {@link #stat} of our PostgreSQL server (the postmaster on our port) and its backends, by pid. */
    private Map<Long, long[]> postgresStats() {
        Map<Long, long[]> ticks = new java.util.HashMap<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("-p " + postgresPort)).orElse(false))
                .flatMap(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants()))
                .forEach(p -> ticks.put(p.pid(), stat(Path.of("/proc", Long.toString(p.pid()), "stat"))));
        return ticks;
    }

    /**
     * What a PostgreSQL process is, from the title it sets itself ({@code postgres: user db host(port) idle},
     * {@code postgres: autovacuum worker}, …): "backends" for client connections, otherwise its role.
     */
    static String postgresRole(long pid) {
        try {
            String title = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').trim();
            if (!title.startsWith("postgres: ")) {
                return "postmaster";
            }
            String role = title.substring("postgres: ".length());
            return title.contains("(") ? "backends" : role.startsWith("autovacuum worker") ? "autovacuum worker" : role;
        } catch (IOException | RuntimeException e) {
            return "ended";
        }
    }

    /** A process's user and system CPU in clock ticks and its minor page faults (proc(5): utime, stime, minflt). */
    static long[] stat(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[7])};
        } catch (IOException | RuntimeException e) {
            return new long[3]; // the process ended between listing and reading
        }
    }

    /** Busy and total ticks of the whole machine. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {total - idle, total};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    record Sample(long nanos, long processCpuNanos, Map<Long, ThreadTimes> threads, Map<Long, long[]> postgres,
                  long[] machine, long[] jvm) {

        /**
         * CPU nanoseconds and allocated bytes by group since {@code before}, thread by thread: a thread that ended in
         * between is not counted (summing by group first made such a group negative: boundedElastic retires threads
         * idle for 60 s), a new one fully.
         */
        Map<String, long[]> groupsSince(Sample before) {
            Map<String, long[]> byGroup = new LinkedHashMap<>();
            threads.forEach((id, now) -> {
                ThreadTimes was = before.threads().getOrDefault(id, new ThreadTimes(now.group(), 0, 0));
                long[] sums = byGroup.computeIfAbsent(now.group(), g -> new long[2]);
                sums[0] += now.cpu() - was.cpu();
                sums[1] += now.allocated() - was.allocated();
            });
            return byGroup;
        }

        /** PostgreSQL ticks since {@code before}: processes that ended in between are not counted, new ones fully. */
        long postgresTicksSince(Sample before) {
            return postgresSince(before, 0) + postgresSince(before, 1);
        }

        /** PostgreSQL's minor page faults since {@code before}, counted as its ticks are. */
        long postgresFaultsSince(Sample before) {
            return postgresSince(before, 2);
        }

        /** PostgreSQL's ticks since {@code before} by {@link #postgresRole}. */
        Map<String, Long> postgresTicksByRole(Sample before) {
            Map<String, Long> byRole = new java.util.TreeMap<>();
            postgres.forEach((pid, now) -> {
                long[] was = before.postgres.getOrDefault(pid, new long[3]);
                byRole.merge(postgresRole(pid), now[0] + now[1] - was[0] - was[1], Long::sum);
            });
            return byRole;
        }

        private long postgresSince(Sample before, int field) {
            return postgres.entrySet().stream()
                    .mapToLong(e -> e.getValue()[field] - before.postgres.getOrDefault(e.getKey(), new long[3])[field]).sum();
        }

        /** The share of the JVM's CPU time since {@code before} spent in the kernel. */
        double jvmKernelShare(Sample before) {
            long user = jvm[0] - before.jvm[0];
            long system = jvm[1] - before.jvm[1];
            return (double) system / Math.max(1, user + system);
        }

        /** The JVM's minor page faults since {@code before}. */
        long jvmFaultsSince(Sample before) {
            return jvm[2] - before.jvm[2];
        }
    }
}
