package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.submission.domain.SubmissionStatus;
import reactor.core.publisher.Mono;

/** The submission read model; empty when it has not seen the command yet. */
public interface SubmissionStatuses {

    Mono<SubmissionStatus> find(String tenantId, String commandId);
}
