package dev.ksefplatform.support.projection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    @Test
    void batchOfPartitionsWithNothingStoredIsAllFresh() {
        BatchPlan plan = BatchPlan.of(List.of(at(0, 0), at(1, 0), at(0, 1)), Map.of());

        assertThat(plan.fresh()).containsExactly(0, 1, 2);
        assertThat(plan.lastOffsets()).isEqualTo(Map.of(0, 1L, 1, 0L));
    }

    @Test
    void recordsAtOrBelowTheStoredOffsetAreDroppedPerPartition() {
        BatchPlan plan = BatchPlan.of(List.of(at(0, 4), at(0, 5), at(1, 9), at(0, 6), at(1, 10)),
                Map.of(0, 5L, 1, 8L));

        assertThat(plan.fresh()).containsExactly(2, 3, 4);
        assertThat(plan.lastOffsets()).isEqualTo(Map.of(0, 6L, 1, 10L));
        assertThat(plan.alreadyApplied(5)).isEqualTo(2);
    }

    @Test
    void batchAlreadyAppliedStoresNothing() {
        BatchPlan plan = BatchPlan.of(List.of(at(2, 3), at(2, 4)), Map.of(2, 4L));

        assertThat(plan.fresh()).isEmpty();
        assertThat(plan.lastOffsets()).isEmpty();
    }

    @Test
    void noneAppliedMarkerCountsAsNothingStored() {
        BatchPlan plan = BatchPlan.of(List.of(at(3, 0)), Map.of(3, RecordPosition.NONE_APPLIED));

        assertThat(plan.fresh()).containsExactly(0);
    }

    private static RecordPosition at(int partition, long offset) {
        return new RecordPosition("g", "ksef.events.v1", partition, offset);
    }
}
