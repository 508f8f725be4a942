package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.sync.submission.domain.ContextHold;
import dev.ksefplatform.sync.submission.domain.Submission;
import dev.ksefplatform.sync.submission.domain.SubmissionStatus;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Answers what became of a tenant's command, and whether its context holds it back. */
public final class SubmissionQueries {

    private final Submissions submissions;
    private final ContextHolds holds;
    private final TenantScope scope;

    public SubmissionQueries(Submissions submissions, ContextHolds holds, TenantScope scope) {
        this.submissions = submissions;
        this.holds = holds;
        this.scope = scope;
    }

    public Mono<TrackedSubmission> get(String tenantId, String commandId) {
        return scope.read(tenantId, submissions.find(commandId)
                .filter(submission -> submission.tenantId().equals(tenantId))
                .switchIfEmpty(Mono.error(() -> new SubmissionNotFound(commandId)))
                .flatMap(this::withWaiting));
    }

    /** The tenant's contexts that hold submissions now (what a PENDING submission, unknown here, waits for). */
    public Flux<ContextHold> holds(String tenantId) {
        return scope.readMany(tenantId, holds.held(tenantId, null));
    }

    private Mono<TrackedSubmission> withWaiting(Submission submission) {
        if (submission.status() != SubmissionStatus.SENT) {
            return Mono.just(new TrackedSubmission(submission, Optional.empty()));
        }
        return holds.held(submission.tenantId(), submission.contextNip()).next()
                .map(hold -> new TrackedSubmission(submission, Optional.of(hold)))
                .defaultIfEmpty(new TrackedSubmission(submission, Optional.empty()));
    }

    /** A submission and, while it waits, the hold of its context. */
    public record TrackedSubmission(Submission submission, Optional<ContextHold> waiting) {
    }
}
