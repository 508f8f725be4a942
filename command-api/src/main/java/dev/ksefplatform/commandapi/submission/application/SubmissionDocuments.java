package dev.ksefplatform.commandapi.submission.application;

import reactor.core.publisher.Mono;

/** The documents the read model keeps of a submission; empty when it has none (yet) for that tenant and command. */
public interface SubmissionDocuments {

    Mono<SubmissionDocument> find(String tenantId, String commandId, SubmissionDocument.Kind kind);
}
