package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import dev.ksefplatform.sync.submission.domain.Submission;
import dev.ksefplatform.sync.submission.domain.SubmissionFold;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/** Folds a batch's submission events into {@link Submissions}: one read of the rows it touches, one write of those that changed. */
public final class SubmissionProjection implements ReadModelUpdate<SyncEvent> {

    private final Submissions submissions;

    public SubmissionProjection(Submissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public Mono<Void> apply(List<SyncEvent> events) {
        List<SyncEvent> relevant = events.stream().filter(SubmissionFold::concerns).toList();
        if (relevant.isEmpty()) {
            return Mono.empty();
        }
        Set<String> commandIds = relevant.stream().map(e -> e.meta().correlationId()).collect(Collectors.toSet());
        return submissions.findAll(commandIds).collectMap(Submission::commandId, Function.identity())
                .map(current -> SubmissionFold.foldAll(current, relevant))
                .flatMap(changed -> submissions.saveAll(changed.values()));
    }
}
