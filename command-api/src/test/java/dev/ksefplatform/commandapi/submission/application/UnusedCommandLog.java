package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A {@link CommandLog} whose every method fails: a test double overrides only what its test expects to be called. */
abstract class UnusedCommandLog implements CommandLog {

    @Override
    public Mono<Recorded> record(InvoiceSubmission submission, String idempotencyKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Mono<Void> markPublished(Collection<String> commandIds, Instant publishedAt) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Flux<InvoiceSubmission> claimUnpublished(Instant before, Instant now, Instant claimedUntil, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Mono<Long> markEventsSeen(Collection<String> commandIds, Instant seenAt) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Flux<String> owned(String tenantId, Collection<String> commandIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Mono<Long> prune(Instant before, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Mono<RecordedCommand> find(String tenantId, String commandId) {
        throw new UnsupportedOperationException();
    }
}
