package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.sync.submission.domain.Submission;
import reactor.core.publisher.Mono;

/** The submission read model. */
public interface Submissions {

    Mono<Submission> find(String commandId);

    Mono<Void> save(Submission submission);
}
