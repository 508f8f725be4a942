package dev.ksefplatform.commandapi.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.commandapi.Invoices;
import dev.ksefplatform.commandapi.submission.domain.InvoiceInspection;
import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import dev.ksefplatform.commandapi.tenant.domain.TenantStatus;
import dev.ksefplatform.ksef.xml.Fa3Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The answer waits for the command to be queued for the broker, not for the broker's ack; the ack marks it. */
class InvoiceSubmissionAckTest {

    private static final Tenant TENANT = new Tenant(UUID.randomUUID().toString(), "Acme", Invoices.randomNip(),
            TenantStatus.ACTIVE, Instant.parse("2026-06-05T10:00:00Z"));

    private final FreshCommands commands = new FreshCommands();
    private final Broker broker = new Broker();

    @Test
    void answersBeforeTheAckAndMarksTheCommandPublishedOnlyOnceItComes() {
        try (PublishedMarks marks = new PublishedMarks(commands, Clock.systemUTC(), Duration.ofHours(1), 100)) {
            String commandId = submissions(marks).submit(TENANT, Invoices.bytes(TENANT.nip(), "A1"), null)
                    .block(Duration.ofSeconds(10));

            assertThat(broker.queued).extracting(InvoiceSubmission::commandId).containsExactly(commandId);
            marks.flush().block(Duration.ofSeconds(5));
            assertThat(commands.marked).isEmpty();

            broker.ack.complete(null);
            marks.flush().block(Duration.ofSeconds(5));
            assertThat(commands.marked).containsExactly(List.of(commandId));
        }
    }

    /** Left received: the outbox relay publishes it after its grace period (InvoiceApiIT). */
    @Test
    void answersWhenTheBrokerRefusesAfterwardsAndNeverMarksIt() {
        try (PublishedMarks marks = new PublishedMarks(commands, Clock.systemUTC(), Duration.ofHours(1), 100)) {
            String commandId = submissions(marks).submit(TENANT, Invoices.bytes(TENANT.nip(), "A2"), null)
                    .block(Duration.ofSeconds(10));
            broker.ack.completeExceptionally(new IllegalStateException("delivery timed out"));

            marks.flush().block(Duration.ofSeconds(5));
            assertThat(commandId).isNotBlank();
            assertThat(commands.marked).isEmpty();
        }
    }

    private InvoiceSubmissions submissions(PublishedMarks marks) {
        return new InvoiceSubmissions(new InvoiceInspection(Fa3Schema.get()), commands, broker, marks,
                Clock.systemUTC(), UUID::randomUUID, new InvoiceSubmissions.SubmissionSettings("TEST", Duration.ofSeconds(5)));
    }

    /** Queues at once; acknowledges when the test says so. */
    private static final class Broker implements CommandPublisher {
        final List<InvoiceSubmission> queued = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> ack = new CompletableFuture<>();

        @Override
        public Mono<CompletionStage<?>> enqueue(InvoiceSubmission submission) {
            return Mono.fromCallable(() -> {
                queued.add(submission);
                return ack;
            });
        }

        @Override
        public Flux<String> publishAll(List<InvoiceSubmission> submissions) {
            throw new UnsupportedOperationException();
        }
    }

    /** Every command new; marks recorded. */
    private static final class FreshCommands extends UnusedCommandLog {
        final List<List<String>> marked = new CopyOnWriteArrayList<>();

        @Override
        public Mono<Recorded> record(InvoiceSubmission submission, String idempotencyKey) {
            return Mono.just(new Recorded(submission.commandId(), submission.invoice().sha256(), true));
        }

        @Override
        public Mono<Void> markPublished(Collection<String> commandIds, Instant publishedAt) {
            return Mono.fromRunnable(() -> marked.add(List.copyOf(commandIds)));
        }
    }
}
