package dev.ksefplatform.sync.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CPU time and heap allocation of the threads a service started: every live thread that did not exist when
 * {@link #before()} was called (the embedded broker, the harness and its producer are older), so the figures are the
 * service's alone although it shares the JVM with its broker. A thread that ends between two readings is lost; the
 * service's threads (Kafka consumer, Reactor, R2DBC event loop) live as long as it does.
 */
final class ServiceThreads {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Set<Long> older;

    private ServiceThreads(Set<Long> older) {
        this.older = older;
    }

    /** Call before the service starts. */
    static ServiceThreads before() {
        THREADS.setThreadAllocatedMemoryEnabled(true);
        THREADS.setThreadCpuTimeEnabled(true);
        return new ServiceThreads(Arrays.stream(THREADS.getAllThreadIds()).boxed().collect(Collectors.toSet()));
    }

    Usage now() {
        long[] ids = Arrays.stream(THREADS.getAllThreadIds()).filter(id -> !older.contains(id)).toArray();
        long cpu = Arrays.stream(THREADS.getThreadCpuTime(ids)).filter(n -> n > 0).sum();
        long allocated = Arrays.stream(THREADS.getThreadAllocatedBytes(ids)).filter(n -> n > 0).sum();
        return new Usage(cpu, allocated);
    }

    record Usage(long cpuNanos, long allocatedBytes) {

        Usage minus(Usage earlier) {
            return new Usage(cpuNanos - earlier.cpuNanos, allocatedBytes - earlier.allocatedBytes);
        }
    }
}
