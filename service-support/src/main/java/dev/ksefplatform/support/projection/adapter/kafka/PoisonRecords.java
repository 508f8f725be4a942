package dev.ksefplatform.support.projection.adapter.kafka;

import dev.ksefplatform.support.logging.LogIds;
import dev.ksefplatform.support.projection.application.Poisoned;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a skipped poison record by its ids only (never its bytes) and counts it per consumer group. */
public final class PoisonRecords {

    public static final String METRIC = "ksef.projector.poison.records";
    private static final Logger log = LoggerFactory.getLogger(PoisonRecords.class);

    private final Counter counter;

    public PoisonRecords(MeterRegistry registry, String consumerGroup) {
        this.counter = Counter.builder(METRIC).tag("group", consumerGroup)
                .description("Records on ksef.events.v1 that could not be decoded, mapped or stored, skipped")
                .register(registry);
    }

    public void skipped(Poisoned record) {
        counter.increment();
        LogIds.log(record.tenantId(), record.messageId(), null, null, () -> log.warn(
                "poison record skipped topic={} partition={} offset={} messageId={} tenantId={} cause={}",
                record.position().topic(), record.position().partition(), record.position().offset(),
                record.messageId(), record.tenantId(), record.cause()));
    }
}
