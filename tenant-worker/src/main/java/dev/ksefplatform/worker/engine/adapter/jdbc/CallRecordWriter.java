package dev.ksefplatform.worker.engine.adapter.jdbc;

import dev.ksefplatform.worker.engine.adapter.kafka.AvroEventEncoder;
import dev.ksefplatform.worker.engine.application.CallLog;
import dev.ksefplatform.worker.engine.application.EventEncoder.Encoded;
import dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code period}, writes the call log's runs as {@code KsefCallRecorded} events into the outbox (one transaction
 * per flush). The calls of the last period before a crash are not recorded: the audit of KSeF calls is complete up to
 * that, and the invoices' own events (sent, accepted) never depend on it.
 */
public class CallRecordWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallRecordWriter.class);

    private final CallLog calls;
    private final AvroEventEncoder encoder;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final Duration period;
    private final Clock clock;
    private ScheduledExecutorService flusher;

    public CallRecordWriter(CallLog calls, AvroEventEncoder encoder, OutboxWriter outbox, TransactionTemplate tx,
                            Duration period, Clock clock) {
        this.calls = calls;
        this.encoder = encoder;
        this.outbox = outbox;
        this.tx = tx;
        this.period = period;
        this.clock = clock;
    }

    public void flush() {
        List<CallLog.Run> runs = calls.drain();
        if (runs.isEmpty()) {
            return;
        }
        Map<Integer, List<Encoded>> byPartition = runs.stream().collect(Collectors.groupingBy(
                r -> r.first().lane().partition(), Collectors.mapping(r -> encoder.callRecorded(r, clock.instant()),
                        Collectors.toList())));
        try {
            tx.executeWithoutResult(status -> byPartition.forEach(outbox::writeEncoded));
        } catch (RuntimeException e) {
            log.warn("KSeF call records lost: {} runs ({})", runs.size(), e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ksef-call-records");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
            flush();
        }
    }

    @Override
    public boolean isRunning() {
        return flusher != null;
    }
}
