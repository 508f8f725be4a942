package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.logging.LogIds;
import dev.ksefplatform.commandapi.submission.domain.SubmissionStatus;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A tenant's view of one of its commands. The gateway's own log answers while the read model cannot know the
 * command (no event of it yet): PENDING, without a call to sync-service. Once the event log has the command, the read
 * model's status is passed through; PENDING again if it has not folded it yet, or is down or slow. A command the
 * log no longer holds (retention) is the read model's alone to answer for.
 */
public final class InvoiceStatusQuery {

    private static final Logger log = LoggerFactory.getLogger(InvoiceStatusQuery.class);

    private final CommandLog commands;
    private final SubmissionStatuses statuses;
    private final UnseenRecheck recheck;
    private final Clock clock;

    public InvoiceStatusQuery(CommandLog commands, SubmissionStatuses statuses, UnseenRecheck recheck, Clock clock) {
        this.commands = commands;
        this.statuses = statuses;
        this.recheck = recheck;
        this.clock = clock;
    }

    public Mono<SubmissionStatus> status(Tenant tenant, String commandId) {
        if (!EventLogProgress.isUuid(commandId)) {
            return Mono.error(new CommandNotFound());
        }
        return commands.find(tenant.id(), commandId)
                .flatMap(command -> command.eventSeen() ? readModel(tenant, commandId)
                        : recheck.due(command, clock.instant()) ? rechecked(tenant, commandId)
                        : Mono.just(SubmissionStatus.pending(commandId)))
                // not in the log: unknown, another tenant's, or deleted by the retention (README, "Retention")
                .switchIfEmpty(Mono.defer(() -> statuses.require(tenant.id(), commandId)));
    }

    /**
     * The recheck of a command the event log never showed the gateway: when the read model knows it, the command is
     * noted as seen, so later queries ask the read model every time (rather than answering PENDING between rechecks)
     * and the retention may delete its row in time.
     */
    private Mono<SubmissionStatus> rechecked(Tenant tenant, String commandId) {
        return known(tenant, commandId)
                .flatMap(status -> commands.markEventsSeen(List.of(commandId), clock.instant()).thenReturn(status)
                        .onErrorReturn(status))
                .defaultIfEmpty(SubmissionStatus.pending(commandId));
    }

    private Mono<SubmissionStatus> readModel(Tenant tenant, String commandId) {
        return known(tenant, commandId).defaultIfEmpty(SubmissionStatus.pending(commandId));
    }

    private Mono<SubmissionStatus> known(Tenant tenant, String commandId) {
        return statuses.find(tenant.id(), commandId)
                .onErrorResume(e -> {
                    LogIds.log(tenant.id(), commandId, () -> log.warn(
                            "submission status unavailable tenantId={} commandId={} cause={}", tenant.id(), commandId,
                            e.toString()));
                    return Mono.empty();
                });
    }
}
