package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The gateway's durable record of accepted commands; also its outbox. */
public interface CommandLog {

    /**
     * Records a submission as received (not yet published). With an idempotency key that the tenant
     * used before, nothing is written and the earlier command is returned instead.
     */
    Mono<Recorded> record(InvoiceSubmission submission, String idempotencyKey);

    /** Marks commands published (drops their XML); commands already marked are left alone. */
    Mono<Void> markPublished(Collection<String> commandIds, Instant publishedAt);

    /**
     * Claims, until {@code claimedUntil}, up to {@code limit} commands received before {@code before}, still not
     * published and not claimed by another relay at {@code now}: the outbox's work, in acceptance order. Claims
     * are atomic, so concurrent relays (several instances) never get the same command.
     */
    Flux<InvoiceSubmission> claimUnpublished(Instant before, Instant now, Instant claimedUntil, int limit);

    /** Notes that the event log has events of these commands; ids that are not the gateway's commands are ignored. */
    Mono<Long> markEventsSeen(Collection<String> commandIds, Instant seenAt);

    /** Those of {@code commandIds} (UUIDs) that are the tenant's own commands. */
    Flux<String> owned(String tenantId, Collection<String> commandIds);

    /**
     * Deletes up to {@code limit} of the oldest commands accepted before {@code before} that are published and whose
     * first event the event log showed before it too (so the read model knows them); returns how many it deleted.
     * Rows another pruning holds are skipped, so instances pruning at once delete different rows.
     */
    Mono<Long> prune(Instant before, int limit);

    /** The tenant's own command, empty for an unknown command or another tenant's. */
    Mono<RecordedCommand> find(String tenantId, String commandId);

    /** @param fresh true when this call wrote the row, false when an earlier request with the same key did */
    record Recorded(String commandId, String sha256, boolean fresh) {
    }

    /**
     * @param acceptedAt when the gateway recorded it
     * @param eventSeen  whether the event log has had an event of it, i.e. whether the read model can know it
     */
    record RecordedCommand(String commandId, String tenantId, String invoiceNumber, boolean published,
                           Instant acceptedAt, boolean eventSeen) {
    }
}
