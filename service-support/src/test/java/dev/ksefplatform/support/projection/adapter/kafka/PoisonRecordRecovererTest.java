package dev.ksefplatform.support.projection.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PoisonRecordRecovererTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void skippedRecordIsCountedUnderItsConsumerGroup() {
        PoisonRecordRecoverer recoverer = new PoisonRecordRecoverer(meters, "audit-projector");
        ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>("ksef.events.v1", 2, 17, "tenant-a", new byte[] {1});

        recoverer.accept(poison, new IllegalStateException("wrapped", new SerializationException("bad bytes")));
        recoverer.accept(poison, new UnmappableEvent("e-1", "no wire name"));

        assertThat(meters.get(PoisonRecordRecoverer.METRIC).tag("group", "audit-projector").counter().count())
                .isEqualTo(2.0);
    }

    @Test
    void groupsAreCountedApart() {
        new PoisonRecordRecoverer(meters, "sync-service")
                .accept(new ConsumerRecord<>("ksef.events.v1", 0, 1, "t", "v"), new UnmappableEvent("-", "x"));
        new PoisonRecordRecoverer(meters, "audit-projector");

        assertThat(meters.get(PoisonRecordRecoverer.METRIC).tag("group", "sync-service").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get(PoisonRecordRecoverer.METRIC).tag("group", "audit-projector").counter().count())
                .isZero();
    }
}
