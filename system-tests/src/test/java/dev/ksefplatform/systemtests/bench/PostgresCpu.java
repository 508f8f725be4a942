package dev.ksefplatform.systemtests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whose PostgreSQL CPU it was over one phase: every child of the postmaster read from {@code /proc} every
 * {@link #EVERY_MILLIS} ms from a thread of its own, its time charged to what its process title says it is — a
 * service's backends by user name ({@code postgres: tenant-worker ksef 127.0.0.1(…) idle}), or a background process
 * (WAL writer, checkpointer, autovacuum worker, …). {@code pg_stat_statements} counts a statement's wall time inside
 * the executor; this counts CPU, protocol, commits and the background work that no statement shows. A process that
 * starts and ends between two readings, or the part of one after its last reading, is in no group: the line prints it
 * as unobserved (the postmaster's {@code cutime} tells how much).
 */
final class PostgresCpu implements AutoCloseable {

    static final int EVERY_MILLIS = 500;

    private final long postmaster;
    private final long ownBefore;
    private final long totalBefore;
    private final Map<Long, Seen> seen = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** A process's group and its CPU ticks at its first and its last reading (first 0 if it started in the phase). */
    private static final class Seen {
        final String group;
        final long first;
        long last;

        Seen(String group, long first) {
            this.group = group;
            this.first = first;
            this.last = first;
        }
    }

    PostgresCpu(long postmaster) {
        this.postmaster = postmaster;
        this.ownBefore = ticks(postmaster)[0];
        read(true);
        this.totalBefore = total();
        sampler = new Thread(this::run, "postgres-cpu");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void run() {
        while (running) {
            CostBenchmark.pause(EVERY_MILLIS);
            read(false);
        }
    }

    private void read(boolean atStart) {
        ProcessHandle.of(postmaster).ifPresent(p -> p.children().forEach(child -> {
            long[] t = ticks(child.pid());
            if (t == null) {
                return;
            }
            synchronized (seen) {
                Seen s = seen.get(child.pid());
                if (s == null) {
                    String group = group(child.pid());
                    if (group != null) {
                        seen.put(child.pid(), new Seen(group, atStart ? t[0] : 0));
                    }
                } else {
                    s.last = t[0];
                }
            }
        }));
    }

    /** The process title's group: a backend's user name, or the background process's name. */
    static String group(String title) {
        if (!title.startsWith("postgres: ")) {
            return null;
        }
        String rest = title.substring("postgres: ".length()).trim();
        if (rest.matches("\\S+ \\S+ (\\[local]|\\S+\\(\\d+\\)) .*")) {
            return rest.substring(0, rest.indexOf(' ')) + "'s backends";
        }
        return rest.startsWith("autovacuum worker") ? "autovacuum workers" : rest;
    }

    private static String group(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return group(new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' ').trim());
        } catch (IOException e) {
            return null;
        }
    }

    /** {utime + stime, cutime + cstime} of a process, or null if it has ended. */
    private static long[] ticks(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Long.parseLong(f[13]) + Long.parseLong(f[14])};
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        read(false);
    }

    /**
     * One line, per invoice: each group's CPU, largest first; then the unobserved rest (the postmaster's reaped
     * children beyond what was read of them) and the postmaster's own.
     */
    String line(String phase, int invoices) {
        Map<String, Long> groups = new TreeMap<>();
        long observed = 0;
        synchronized (seen) {
            for (Seen s : seen.values()) {
                groups.merge(s.group, s.last - s.first, Long::sum);
                observed += s.last - s.first;
            }
        }
        long own = ticks(postmaster)[0] - ownBefore;
        long total = total() - totalBefore;
        StringBuilder line = new StringBuilder(String.format("FIGURE cost/%s postgresql cpu by process: per invoice",
                phase));
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(g -> line.append(String.format(" %s %.3f ms;", g.getKey(), ms(g.getValue(), invoices))));
        line.append(String.format(" unobserved (processes that ended between readings, and the last %d ms of those"
                        + " that ended) %.3f ms; the postmaster %.3f ms; in all %.3f ms", EVERY_MILLIS,
                ms(total - observed - own, invoices), ms(own, invoices), ms(total, invoices)));
        return line.toString();
    }

    /** The postmaster's own time, its reaped children's and its live children's: what {@link ProcessCpu} counts. */
    private long total() {
        return ProcessCpu.withChildren(postmaster);
    }

    private static double ms(long ticks, int invoices) {
        return ticks * ProcessCpu.TICK_MILLIS / invoices;
    }
}
