package dev.ksefplatform.support.projection.adapter.kafka;

import dev.ksefplatform.support.projection.domain.ConsumerScaling;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code check}, reads how far the projection's consumers are behind the event log (their {@code records-lag}
 * per partition) and runs as many consumers as {@link ConsumerScaling} wants: one while it keeps up, more while it
 * catches up or rebuilds. Changing the count restarts the container through {@link ListenerControl}; each batch's
 * offsets are stored with the read model, so the restart applies nothing twice and skips nothing.
 */
public final class ProjectionConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumers.class);
    private static final int QUIET_CHECKS = 6;

    private final ListenerControl control;
    private final ConsumerScaling scaling;
    private final Duration check;
    private ScheduledExecutorService timer;

    /**
     * @param control the container and the most consumers it runs ({@code ksef.projection.consumers}, 2)
     * @param upLag {@code ksef.projection.scale-up-lag} (10,000): records behind at which it runs {@code max}
     * @param check {@code ksef.projection.scale-check} (5 s); one consumer again after six checks under a tenth of
     *              {@code upLag}, more if it fell behind again soon after the last time ({@link ConsumerScaling})
     */
    public ProjectionConsumers(ListenerControl control, long upLag, Duration check, MeterRegistry meters) {
        this.control = control;
        this.scaling = new ConsumerScaling(control.maxConsumers(), upLag, QUIET_CHECKS);
        this.check = check;
        Gauge.builder("ksef.projection.consumers", this, p -> p.running()).tag("listener", control.listenerId())
                .description("consumers the projection runs now (more while it is behind the event log)")
                .register(meters);
    }

    /** One check: the lag read, the consumers changed if the policy says so. */
    public void checkNow() {
        int running = control.consumers();
        long lag = lag(control.concurrent().metrics());
        int wanted = scaling.next(running, lag);
        if (wanted != running && control.resize(wanted)) {
            log.info("projection consumers listener={} from={} to={} lagRecords={} quietChecksToScaleDown={}",
                    control.listenerId(), running, wanted, lag, scaling.quietNeeded());
        }
    }

    /** The records not yet consumed across the consumers' partitions; -1 while no partition reports it. */
    static long lag(Map<String, Map<MetricName, ? extends Metric>> metrics) {
        double sum = 0;
        boolean known = false;
        for (Map<MetricName, ? extends Metric> client : metrics.values()) {
            for (Map.Entry<MetricName, ? extends Metric> metric : client.entrySet()) {
                MetricName name = metric.getKey();
                if (name.name().equals("records-lag") && name.tags().containsKey("partition")
                        && metric.getValue().metricValue() instanceof Double value && !value.isNaN()) {
                    sum += Math.max(0, value);
                    known = true;
                }
            }
        }
        return known ? (long) sum : -1;
    }

    private double running() {
        try {
            return control.consumers();
        } catch (IllegalStateException notRegistered) {
            return 0;
        }
    }

    private void safeCheck() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            log.warn("projection consumers check failed listener={} cause={}", control.listenerId(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, control.listenerId() + "-scaling");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::safeCheck, check.toMillis(), check.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** A phase above the listener containers': started after them and stopped before, so no resize races a shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
