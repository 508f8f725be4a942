package dev.ksefplatform.sync.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time used by this JVM (the service, the embedded Kafka broker, the harness) and by the PostgreSQL server
 * processes. Per event, it tells what a rebuild costs whatever else the machine runs, which the wall-clock rate
 * does not on a shared machine. Backends that exit while measured are not counted (the pool keeps them).
 */
record CpuTime(long jvmNanos, long postgresNanos) {

    static CpuTime now() {
        long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
        return new CpuTime(jvm, postgres);
    }

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
    }
}
