package dev.ksefplatform.sync.schedule.application;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Commands written in the transaction that decided them, published afterwards by the {@link OutboxRelay}. */
public interface CommandOutbox {

    Mono<Void> append(OutboxMessage message);

    /** The oldest unpublished messages, locked until the transaction ends; rows another relay holds are skipped. */
    Flux<OutboxMessage> lockUnpublished(int limit);

    Mono<Void> markPublished(List<Long> ids, Instant at);

    Mono<Void> forgetPublishedBefore(Instant before);
}
