package dev.ksefplatform.support.projection.application;

import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The last offset applied per partition, written in the same transaction as the read-model change. */
public interface AppliedOffsets {

    /**
     * The last applied offset of each partition ({@code RecordPosition.NONE_APPLIED} if none yet), its row locked
     * until the transaction ends, so two consumers of one partition (a rebalance's zombie) apply a batch one at a time.
     */
    Mono<Map<Integer, Long>> lock(String consumerGroup, String topic, Collection<Integer> partitions);

    /** Stores partition → last applied offset. */
    Mono<Void> record(String consumerGroup, String topic, Map<Integer, Long> lastOffsets);

    /** Last applied offset by partition. */
    Mono<Map<Integer, Long>> all(String consumerGroup, String topic);
}
