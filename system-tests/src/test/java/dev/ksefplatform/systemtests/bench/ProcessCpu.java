package dev.ksefplatform.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (Linux): user + system time of every thread. A server that
 * forks a process per connection (PostgreSQL) counts its live children and, through {@code cutime + cstime}, the
 * children it has reaped, so a backend that ends between two samples is not lost.
 */
final class ProcessCpu {

    /** USER_HZ: the kernel reports CPU time in ticks of 10 ms. */
    static final double TICK_MILLIS = 10;
    static final String MACHINE = "machine";

    private final Map<String, Long> pids;
    private final String forking;

    /** @param forking the name of the process whose children are counted with it */
    ProcessCpu(Map<String, Long> pids, String forking) {
        this.pids = pids;
        this.forking = forking;
    }

    /** One reading of every process. */
    record Sample(long nanos, Map<String, Long> ticks) {

        double millisSince(Sample before, String name) {
            return (ticks.get(name) - before.ticks.get(name)) * TICK_MILLIS;
        }

        double secondsSince(Sample before) {
            return (nanos - before.nanos) / 1e9;
        }
    }

    /** Every process, and under {@link #MACHINE} the busy time of all the machine's cores (whoever used them). */
    Sample sample() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, name.equals(forking) ? withChildren(pid) : stat(pid, false)));
        ticks.put(MACHINE, machineBusy());
        return new Sample(System.nanoTime(), ticks);
    }

    /** Busy ticks of all cores: the first line of /proc/stat without idle and iowait. */
    private static long machineBusy() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(cpu[i]);
            }
            return busy;
        } catch (IOException e) {
            return 0;
        }
    }

    /** A process's time with its reaped children's ({@code cutime + cstime}) and its live descendants'. */
    static long withChildren(long pid) {
        long children = ProcessHandle.of(pid).map(p -> p.descendants().mapToLong(c -> stat(c.pid(), false)).sum()).orElse(0L);
        return stat(pid, true) + children;
    }

    /** utime + stime (fields 14 and 15), plus cutime + cstime (16 and 17) when {@code reaped}. */
    private static long stat(long pid, boolean reaped) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return reaped ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException e) {
            return 0; // a child that ended between listing and reading: its time is in its parent's cutime now
        }
    }
}
