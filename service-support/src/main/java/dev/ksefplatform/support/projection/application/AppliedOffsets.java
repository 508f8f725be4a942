package dev.ksefplatform.support.projection.application;

import dev.ksefplatform.support.projection.domain.RecordPosition;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The last offset applied per partition, written in the same transaction as the read-model change. */
public interface AppliedOffsets {

    /** The last applied offset of the record's partition ({@link RecordPosition#NONE_APPLIED} if none), locked until the transaction ends. */
    Mono<Long> lastAppliedLocked(RecordPosition position);

    Mono<Void> record(RecordPosition position);

    /** Last applied offset by partition. */
    Mono<Map<Integer, Long>> all(String consumerGroup, String topic);
}
