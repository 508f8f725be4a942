package dev.ksefplatform.support.projection.adapter.kafka;

import dev.ksefplatform.schemas.topic.MessageHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/** Logs a poison record by its ids only (never its bytes), counts it, and lets the container skip it. */
public final class PoisonRecordRecoverer implements ConsumerRecordRecoverer {

    public static final String METRIC = "ksef.projector.poison.records";
    private static final Logger log = LoggerFactory.getLogger(PoisonRecordRecoverer.class);

    private final Counter counter;

    public PoisonRecordRecoverer(MeterRegistry registry, String consumerGroup) {
        this.counter = Counter.builder(METRIC).tag("group", consumerGroup)
                .description("Records on ksef.events.v1 that could not be decoded or mapped, skipped")
                .register(registry);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception cause) {
        counter.increment();
        log.warn("poison record skipped topic={} partition={} offset={} messageId={} tenantId={} cause={}",
                record.topic(), record.partition(), record.offset(),
                MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID).orElse("-"),
                MessageHeaders.get(record.headers(), MessageHeaders.TENANT_ID).orElse("-"),
                rootCause(cause).getClass().getSimpleName());
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
