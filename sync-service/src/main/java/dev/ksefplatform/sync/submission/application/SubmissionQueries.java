package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.sync.submission.domain.Submission;
import reactor.core.publisher.Mono;

/** Answers what became of a tenant's command. */
public final class SubmissionQueries {

    private final Submissions submissions;

    public SubmissionQueries(Submissions submissions) {
        this.submissions = submissions;
    }

    public Mono<Submission> get(String tenantId, String commandId) {
        return submissions.find(commandId)
                .filter(submission -> submission.tenantId().equals(tenantId))
                .switchIfEmpty(Mono.error(() -> new SubmissionNotFound(commandId)));
    }
}
