package dev.ksefplatform.worker.it;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/**
 * What one measured window of the benchmark cost, per invoice: CPU and allocation by thread (the worker's threads
 * apart from the simulator's and the broker's, which share this JVM) and, with {@code -Dbench.jfr=<file>}, a JFR
 * recording (settings {@code profile}) of the window for {@code jfr print}.
 */
final class Profile {

    /**
     * Threads of the simulator (Netty, its workers), the credential-service stub, the embedded broker, JFR and the
     * benchmark itself: not the worker's cost. The producers' network threads all count as the worker's: the
     * benchmark's own producer sends each command once in large batches, the relay's sends five events per invoice.
     */
    private static final java.util.regex.Pattern NOT_WORKER = java.util.regex.Pattern.compile("^(reactor-http.*"
            + "|ksef-sim.*|HTTP-Dispatcher|http-nio.*|main|JFR.*|kafka-(?!producer-network|coordinator-heartbeat).*"
            + "|data-plane.*|broker.*|controller.*|quorum.*|raft.*|.*ExpirationReaper.*|LogDirFailureHandler"
            + "|ReplicaFetcher.*|group-coordinator.*|transaction.*|executor-.*|metrics-meter-tick-thread.*"
            + "|log-cleaner.*|scheduler-.*|share-.*|persister.*)$");

    private final ThreadCosts threads = new ThreadCosts().start();
    private final jdk.jfr.Recording recording;
    private final long processCpuBefore = processCpu();
    private Map<String, long[]> costs;
    private long processCpu;

    private Profile(jdk.jfr.Recording recording) {
        this.recording = recording;
    }

    static Profile start() throws Exception {
        String jfr = System.getProperty("bench.jfr");
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(jfr));
            recording.start();
        }
        return new Profile(recording);
    }

    void stop(int invoices) throws Exception {
        costs = threads.sinceStart();
        processCpu = processCpu() - processCpuBefore;
        if (recording != null) {
            recording.stop();
            recording.close();
        }
    }

    void print(int invoices) {
        System.out.printf("CPU of the whole JVM (worker, simulator, broker, benchmark) %.2f ms per invoice%n",
                processCpu / 1e6 / invoices);
        System.out.println("by thread (names with numbers as #), CPU µs and KB allocated per invoice:");
        long workerCpu = 0;
        long workerBytes = 0;
        for (Map.Entry<String, long[]> e : costs.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> x) -> -x.getValue()[0])).toList()) {
            long[] c = e.getValue();
            if (c[0] < 1_000_000 && c[1] < 1_000_000) {
                continue;
            }
            boolean worker = isWorker(e.getKey());
            if (worker) {
                workerCpu += c[0];
                workerBytes += c[1];
            }
            System.out.printf("  %-50s %s %8.0f µs %8.1f KB%n", e.getKey(), worker ? "worker" : "other ",
                    c[0] / 1e3 / invoices, c[1] / 1024.0 / invoices);
        }
        System.out.printf("worker's threads: %.2f ms CPU and %.0f KB allocated per invoice%n",
                workerCpu / 1e6 / invoices, workerBytes / 1024.0 / invoices);
    }

    static boolean isWorker(String thread) {
        return !NOT_WORKER.matcher(thread).matches();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
