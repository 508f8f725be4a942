package dev.ksefplatform.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What the machine charges for the kernel's work, printed beside a benchmark's figures: the platform's costs are
 * mostly I/O over loopback and hand-offs between threads, so two machines of the same CPU speed can differ by twice
 * in them (a VM whose every system call crosses a page-table switch, for one). Two probes, each after a warm-up:
 * a one-byte {@code read(2)} of {@code /dev/zero} (one system call), and a hand-off between two threads and back
 * (a monitor's wait and notify: futex calls and two wake-ups, what an event loop handing work to another pays).
 * A third, the same fixed computation each time (SHA-256 of a 5 KB record), read as this thread's CPU time and as wall
 * time: on this project's VM a whole run once cost every process about twice the CPU of the run before, the simulator
 * and the broker too, with no change in the code; a guest is charged the time its host takes its core away, so the
 * fixed work's CPU time rising is what shows it, and the probe is taken between a benchmark's phases.
 */
public final class MachineProbe {

    private static final int READS = 200_000;
    private static final int HAND_OFFS = 20_000;
    private static final int DIGESTS = 20_000;
    private static final int RECORD_BYTES = 5_000;
    /** Written once per probe so that the digests' result is used. */
    private static volatile byte sink;

    private MachineProbe() {
    }

    /** One line: cores, a system call's cost, a thread hand-off's round trip and the fixed computation's cost. */
    public static String line() {
        double[] digest = digestMicros();
        return String.format("machine: %d cores, a system call (read of /dev/zero) %.2f µs, a thread hand-off and back"
                + " %.1f µs, a SHA-256 of 5 KB %.2f µs of CPU (%.2f µs of wall time)",
                Runtime.getRuntime().availableProcessors(), systemCallMicros(), handOffMicros(), digest[0], digest[1]);
    }

    /** The fixed computation's CPU time and wall time per digest, after a warm-up of the same length. */
    static double[] digestMicros() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        digests(DIGESTS);
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        digests(DIGESTS);
        long wall = System.nanoTime() - start;
        return new double[] {(threads.getCurrentThreadCpuTime() - cpu) / 1e3 / DIGESTS, wall / 1e3 / DIGESTS};
    }

    private static void digests(int count) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] record = new byte[RECORD_BYTES];
            byte[] out = new byte[32];
            for (int i = 0; i < count; i++) {
                sha.update(record);
                sha.update(out); // each digest depends on the last: the work cannot be skipped
                out = sha.digest();
            }
            sink = out[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static double systemCallMicros() {
        try (FileChannel zero = FileChannel.open(Path.of("/dev/zero"))) {
            ByteBuffer one = ByteBuffer.allocateDirect(1);
            reads(zero, one, READS / 4);
            long start = System.nanoTime();
            reads(zero, one, READS);
            return (System.nanoTime() - start) / 1e3 / READS;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static void reads(FileChannel zero, ByteBuffer one, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            one.clear();
            zero.read(one, 0);
        }
    }

    static double handOffMicros() {
        handOffs(HAND_OFFS / 4);
        long start = System.nanoTime();
        handOffs(HAND_OFFS);
        return (System.nanoTime() - start) / 1e3 / HAND_OFFS;
    }

    /** The main thread and an echo thread pass a turn back and forth {@code count} times. */
    private static void handOffs(int count) {
        int[] turn = new int[1];
        Object lock = new Object();
        Thread echo = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                synchronized (lock) {
                    while (turn[0] != 1) {
                        waitOn(lock);
                    }
                    turn[0] = 0;
                    lock.notifyAll();
                }
            }
        }, "machine-probe");
        echo.setDaemon(true);
        echo.start();
        for (int i = 0; i < count; i++) {
            synchronized (lock) {
                turn[0] = 1;
                lock.notifyAll();
                while (turn[0] != 0) {
                    waitOn(lock);
                }
            }
        }
        try {
            echo.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitOn(Object lock) {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
