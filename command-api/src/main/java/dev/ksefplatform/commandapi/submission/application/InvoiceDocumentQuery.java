package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import reactor.core.publisher.Mono;

/**
 * A tenant's document of one of its commands. The gateway's own command log decides whose the command is (another
 * tenant's or an unknown id is {@link CommandNotFound}, one body for both); for a command the log no longer holds
 * (retention, README "Retention") the read model does, asked with the caller's tenant id as it is for the bytes.
 */
public final class InvoiceDocumentQuery {

    private final CommandLog commands;
    private final SubmissionStatuses statuses;
    private final SubmissionDocuments documents;

    public InvoiceDocumentQuery(CommandLog commands, SubmissionStatuses statuses, SubmissionDocuments documents) {
        this.commands = commands;
        this.statuses = statuses;
        this.documents = documents;
    }

    public Mono<SubmissionDocument> document(Tenant tenant, String commandId, SubmissionDocument.Kind kind) {
        if (!EventLogProgress.isUuid(commandId)) {
            return Mono.error(new CommandNotFound());
        }
        return commands.find(tenant.id(), commandId).map(command -> command.commandId())
                .switchIfEmpty(Mono.defer(() -> statuses.require(tenant.id(), commandId).map(status -> commandId)))
                .flatMap(command -> documents.find(tenant.id(), commandId, kind))
                .switchIfEmpty(Mono.error(() -> new DocumentNotAvailable(kind, commandId)));
    }
}
