package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.submission.domain.SubmissionStatus;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** A tenant's view of one of its commands: the read model's status, or PENDING while it has none. */
public final class InvoiceStatusQuery {

    private static final Logger log = LoggerFactory.getLogger(InvoiceStatusQuery.class);

    private final CommandLog commands;
    private final SubmissionStatuses statuses;

    public InvoiceStatusQuery(CommandLog commands, SubmissionStatuses statuses) {
        this.commands = commands;
        this.statuses = statuses;
    }

    public Mono<SubmissionStatus> status(Tenant tenant, String commandId) {
        if (!isUuid(commandId)) {
            return Mono.error(new CommandNotFound());
        }
        return commands.find(tenant.id(), commandId)
                .switchIfEmpty(Mono.error(CommandNotFound::new))
                .flatMap(command -> statuses.find(tenant.id(), commandId)
                        .onErrorResume(e -> {
                            log.warn("submission status unavailable tenantId={} commandId={} cause={}",
                                    tenant.id(), commandId, e.toString());
                            return Mono.empty();
                        })
                        .defaultIfEmpty(SubmissionStatus.pending(commandId)));
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
