package dev.ksefplatform.support.projection.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which records of one poll batch are new and which offsets to store once they are applied, given the last
 * offset applied per partition. A record at or below its partition's stored offset was applied before.
 *
 * @param fresh       indexes (into the batch) of the records to apply, in batch order
 * @param lastOffsets partition → the offset to store: the highest fresh offset of that partition
 */
public record BatchPlan(List<Integer> fresh, Map<Integer, Long> lastOffsets) {

    public BatchPlan {
        fresh = List.copyOf(fresh);
        lastOffsets = Map.copyOf(lastOffsets);
    }

    public static BatchPlan of(List<RecordPosition> batch, Map<Integer, Long> lastApplied) {
        List<Integer> fresh = new ArrayList<>();
        Map<Integer, Long> last = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            RecordPosition position = batch.get(i);
            if (!position.isCoveredBy(lastApplied.getOrDefault(position.partition(), RecordPosition.NONE_APPLIED))) {
                fresh.add(i);
                last.merge(position.partition(), position.offset(), Math::max);
            }
        }
        return new BatchPlan(fresh, last);
    }

    public int alreadyApplied(int batchSize) {
        return batchSize - fresh.size();
    }
}
