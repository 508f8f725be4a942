package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import dev.ksefplatform.sync.submission.domain.SubmissionFold;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Folds submission events into {@link Submissions}; writes only when the fold changes the row. */
public final class SubmissionProjection implements ReadModelUpdate<SyncEvent> {

    private final Submissions submissions;

    public SubmissionProjection(Submissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public Mono<Void> apply(List<SyncEvent> events) {
        return Flux.fromIterable(events).concatMap(this::apply).then();
    }

    private Mono<Void> apply(SyncEvent event) {
        if (!SubmissionFold.concerns(event)) {
            return Mono.empty();
        }
        return submissions.find(event.meta().correlationId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(current -> SubmissionFold.evolve(current, event)
                        .filter(next -> !current.equals(Optional.of(next)))
                        .map(submissions::save)
                        .orElse(Mono.empty()));
    }
}
