package dev.ksefplatform.commandapi.deadletter.application;

import dev.ksefplatform.commandapi.deadletter.domain.Redrive;
import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The re-drives asked for, one per dead letter: the idempotency record and the outbox of their publication. */
public interface RedriveLog {

    /** Records the re-drive; when its dead letter was re-driven already, emits that earlier one instead. */
    Mono<Recorded> record(Redrive redrive);

    Mono<Void> published(String deadLetter, Instant at);

    /** Re-drives recorded before {@code before} and not yet published. */
    Flux<Redrive> unpublished(Instant before, int limit);

    /** The re-drives of these dead letters. */
    Flux<Redrive> of(Collection<String> deadLetters);

    /** A re-drive as recorded, and whether it is the one just asked for ({@code false}: an earlier request's). */
    record Recorded(Redrive redrive, boolean fresh) {
    }
}
