package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.sync.submission.domain.Submission;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The submission read model. */
public interface Submissions {

    Mono<Submission> find(String commandId);

    Flux<Submission> findAll(Collection<String> commandIds);

    /** Inserts or replaces the rows in one statement. */
    Mono<Void> saveAll(Collection<Submission> submissions);
}
