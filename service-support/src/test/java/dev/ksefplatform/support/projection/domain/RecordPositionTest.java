package dev.ksefplatform.support.projection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordPositionTest {

    private final RecordPosition record = new RecordPosition("sync-service", "ksef.events.v1", 3, 42);

    @Test
    void recordAtTheStoredOffsetIsAlreadyApplied() {
        assertThat(record.isCoveredBy(42)).isTrue();
    }

    @Test
    void recordBelowTheStoredOffsetIsAlreadyApplied() {
        assertThat(record.isCoveredBy(100)).isTrue();
    }

    @Test
    void recordAfterTheStoredOffsetIsApplied() {
        assertThat(record.isCoveredBy(41)).isFalse();
    }

    @Test
    void firstRecordOfAPartitionWithNothingStoredIsApplied() {
        RecordPosition first = new RecordPosition("sync-service", "ksef.events.v1", 0, 0);

        assertThat(first.isCoveredBy(RecordPosition.NONE_APPLIED)).isFalse();
    }
}
