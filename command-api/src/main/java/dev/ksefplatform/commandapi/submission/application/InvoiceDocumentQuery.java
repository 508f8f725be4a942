package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import reactor.core.publisher.Mono;

/**
 * A tenant's document of one of its commands. The gateway's own command log decides whose the command is (another
 * tenant's or an unknown id is {@link CommandNotFound}, one body for both); the read model, asked with the caller's
 * tenant id, has the bytes.
 */
public final class InvoiceDocumentQuery {

    private final CommandLog commands;
    private final SubmissionDocuments documents;

    public InvoiceDocumentQuery(CommandLog commands, SubmissionDocuments documents) {
        this.commands = commands;
        this.documents = documents;
    }

    public Mono<SubmissionDocument> document(Tenant tenant, String commandId, SubmissionDocument.Kind kind) {
        if (!EventLogProgress.isUuid(commandId)) {
            return Mono.error(new CommandNotFound());
        }
        return commands.find(tenant.id(), commandId).switchIfEmpty(Mono.error(CommandNotFound::new))
                .flatMap(command -> documents.find(tenant.id(), commandId, kind))
                .switchIfEmpty(Mono.error(() -> new DocumentNotAvailable(kind, commandId)));
    }
}
