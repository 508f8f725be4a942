package dev.ksefplatform.support.projection.application;

import dev.ksefplatform.support.projection.domain.BatchPlan;
import dev.ksefplatform.support.projection.domain.RecordPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a poll batch exactly once, in one transaction: lock the batch's partitions in the offsets table, drop
 * the records at or below the stored offsets, run every read model over the rest, store the new offsets. A record
 * with no event of interest, or poison, still advances its offset. When the database refuses a batch's data
 * ({@link RecordFaults}), its records are applied one transaction each, so only the refused record is skipped as
 * poison; any other failure fails the batch, for the container to retry.
 */
public final class EventProjector<E> {

    private final List<ReadModelUpdate<E>> updates;
    private final AppliedOffsets offsets;
    private final TransactionalOperator transaction;

    public EventProjector(List<? extends ReadModelUpdate<E>> updates, AppliedOffsets offsets,
                          TransactionalOperator transaction) {
        this.updates = List.copyOf(updates);
        this.offsets = offsets;
        this.transaction = transaction;
    }

    /** All records must come from one consumer group and topic. */
    public Mono<BatchOutcome> project(List<EventRecord<E>> batch) {
        if (batch.isEmpty()) {
            return Mono.just(BatchOutcome.empty());
        }
        return inOneTransaction(batch).onErrorResume(RecordFaults::isInTheRecord, e -> oneByOne(batch));
    }

    private Mono<BatchOutcome> oneByOne(List<EventRecord<E>> batch) {
        return Flux.fromIterable(batch)
                .concatMap(record -> inOneTransaction(List.of(record)).onErrorResume(RecordFaults::isInTheRecord,
                        e -> skipAsPoison(record, e)))
                .reduce(BatchOutcome.empty(), BatchOutcome::plus);
    }

    private Mono<BatchOutcome> inOneTransaction(List<EventRecord<E>> batch) {
        RecordPosition first = batch.get(0).position();
        List<RecordPosition> positions = positions(batch, first);
        return offsets.lock(first.consumerGroup(), first.topic(), partitions(positions))
                .flatMap(last -> apply(batch, BatchPlan.of(positions, last), first))
                .as(transaction::transactional);
    }

    private Mono<BatchOutcome> apply(List<EventRecord<E>> batch, BatchPlan plan, RecordPosition first) {
        List<EventRecord<E>> fresh = plan.fresh().stream().map(batch::get).toList();
        List<E> events = fresh.stream().map(EventRecord::event).flatMap(Optional::stream).toList();
        List<Poisoned> poison = fresh.stream().filter(EventRecord::isPoison).map(EventRecord::toPoisoned).toList();
        BatchOutcome outcome = new BatchOutcome(fresh.size() - poison.size(), plan.alreadyApplied(batch.size()), poison);
        return applyAll(events)
                .then(offsets.record(first.consumerGroup(), first.topic(), plan.lastOffsets()))
                .thenReturn(outcome);
    }

    private Mono<Void> applyAll(List<E> events) {
        return events.isEmpty() ? Mono.empty() : Flux.fromIterable(updates).concatMap(u -> u.apply(events)).then();
    }

    private Mono<BatchOutcome> skipAsPoison(EventRecord<E> record, Throwable cause) {
        String why = "refused by the database: " + cause.getClass().getSimpleName();
        EventRecord<E> poison = EventRecord.poison(record.position(), record.messageId(), record.tenantId(), why);
        return inOneTransaction(List.of(poison));
    }

    private static List<RecordPosition> positions(List<? extends EventRecord<?>> batch, RecordPosition first) {
        List<RecordPosition> positions = new ArrayList<>(batch.size());
        for (EventRecord<?> record : batch) {
            RecordPosition p = record.position();
            if (!p.consumerGroup().equals(first.consumerGroup()) || !p.topic().equals(first.topic())) {
                throw new IllegalArgumentException("a batch spans one consumer group and topic, not " + p);
            }
            positions.add(p);
        }
        return positions;
    }

    private static List<Integer> partitions(List<RecordPosition> positions) {
        return positions.stream().map(RecordPosition::partition).distinct().sorted().toList();
    }
}
