package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.submission.domain.SubmissionStatus;
import dev.ksefplatform.commandapi.web.ReadModelUnavailable;
import reactor.core.publisher.Mono;

/** The submission read model; empty when it has not seen the command yet. */
public interface SubmissionStatuses {

    Mono<SubmissionStatus> find(String tenantId, String commandId);

    /**
     * The tenant's command, asked of the read model alone: for a command the gateway's log does not hold (unknown,
     * another tenant's, or deleted by the retention). {@link CommandNotFound} when the read model has none (so another
     * tenant's stays a 404), {@link ReadModelUnavailable} when it cannot answer (retry, rather than a 404 for a
     * command that exists).
     */
    default Mono<SubmissionStatus> require(String tenantId, String commandId) {
        return find(tenantId, commandId)
                .onErrorMap(e -> new ReadModelUnavailable("the submission's status", e))
                .switchIfEmpty(Mono.error(CommandNotFound::new));
    }
}
