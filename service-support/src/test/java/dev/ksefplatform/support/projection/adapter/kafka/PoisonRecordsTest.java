package dev.ksefplatform.support.projection.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.support.projection.application.Poisoned;
import dev.ksefplatform.support.projection.domain.RecordPosition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PoisonRecordsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void skippedRecordIsCountedUnderItsConsumerGroup() {
        PoisonRecords poison = new PoisonRecords(meters, "audit-projector");

        poison.skipped(poisoned("audit-projector", 17));
        poison.skipped(poisoned("audit-projector", 18));

        assertThat(meters.get(PoisonRecords.METRIC).tag("group", "audit-projector").counter().count()).isEqualTo(2.0);
    }

    @Test
    void groupsAreCountedApart() {
        new PoisonRecords(meters, "sync-service").skipped(poisoned("sync-service", 1));
        new PoisonRecords(meters, "audit-projector");

        assertThat(meters.get(PoisonRecords.METRIC).tag("group", "sync-service").counter().count()).isEqualTo(1.0);
        assertThat(meters.get(PoisonRecords.METRIC).tag("group", "audit-projector").counter().count()).isZero();
    }

    private static Poisoned poisoned(String group, long offset) {
        return new Poisoned(new RecordPosition(group, "ksef.events.v1", 2, offset), "m-" + offset, "tenant-a",
                "undecodable: SerializationException");
    }
}
