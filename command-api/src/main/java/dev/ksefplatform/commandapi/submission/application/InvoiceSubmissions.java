package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.logging.LogIds;
import dev.ksefplatform.commandapi.security.ActingPerson;
import dev.ksefplatform.commandapi.security.ActingPersons;
import dev.ksefplatform.commandapi.submission.domain.Requester;
import java.util.Optional;

import dev.ksefplatform.commandapi.submission.domain.InvoiceDocument;
import dev.ksefplatform.commandapi.submission.domain.InvoiceInspection;
import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Accepts an invoice: inspect, record as received, queue for the broker, answer; the broker's ack marks it published
 * in a batch ({@link PublishedMarks}). The row is written before the publish, so a crash or a failed send leaves a
 * received row that {@link OutboxRelay} publishes later.
 */
public final class InvoiceSubmissions {

    private static final Logger log = LoggerFactory.getLogger(InvoiceSubmissions.class);
    private static final int MAX_IDEMPOTENCY_KEY = 255;
    /** At most ~0.35 ms of an event loop's time (FA(3) reading costs ~20 µs per KB). */
    static final int INSPECT_IN_PLACE_BYTES = 16 * 1024;

    private final InvoiceInspection inspection;
    private final CommandLog commands;
    private final CommandPublisher publisher;
    private final PublishedMarks marks;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final SubmissionSettings settings;

    public InvoiceSubmissions(InvoiceInspection inspection, CommandLog commands, CommandPublisher publisher,
                              PublishedMarks marks, Clock clock, Supplier<UUID> ids, SubmissionSettings settings) {
        this.inspection = inspection;
        this.commands = commands;
        this.publisher = publisher;
        this.marks = marks;
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
    }

    /** The command id: a new one, or the earlier one for a repeated idempotency key. */
    public Mono<String> submit(Tenant tenant, byte[] xml, String idempotencyKey) {
        if (idempotencyKey != null && !isValidKey(idempotencyKey)) {
            return Mono.error(new InvalidIdempotencyKey(MAX_IDEMPOTENCY_KEY));
        }
        return inspected(xml, tenant)
                .zipWith(ActingPersons.current())
                .map(checked -> submission(tenant, checked.getT1(), checked.getT2().map(InvoiceSubmissions::requester)))
                .flatMap(submission -> accept(submission, idempotencyKey));
    }

    /**
     * A command an upstream system published on its ingress topic, checked exactly like a REST submission. Its message
     * id (a UUID) is the command id, and (system, tenant, message id) its idempotency key: a record delivered twice
     * is one command.
     */
    public Mono<String> submitFromUpstream(Tenant tenant, byte[] xml, String upstreamId, UUID messageId) {
        return Mono.fromCallable(() -> inspection.inspect(xml, tenant.nip()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(document -> new InvoiceSubmission(messageId.toString(), tenant.id(), settings.environment(),
                        tenant.nip(), document, clock.instant(), upstreamId))
                .flatMap(submission -> accept(submission, "upstream:" + upstreamId + ":" + messageId));
    }

    /**
     * Checked where the body arrived when it is small: a 5 KB invoice takes ~0.1 ms, less than handing it to
     * boundedElastic and back; a larger one (1 MB: ~20 ms) moves off the event loop (ksef-client/README.md, Figures).
     */
    private Mono<InvoiceDocument> inspected(byte[] xml, Tenant tenant) {
        Mono<InvoiceDocument> inspected = Mono.fromCallable(() -> inspection.inspect(xml, tenant.nip()));
        return xml.length <= INSPECT_IN_PLACE_BYTES ? inspected : inspected.subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<String> accept(InvoiceSubmission submission, String idempotencyKey) {
        return commands.record(submission, idempotencyKey)
                .flatMap(recorded -> recorded.fresh() ? publish(submission) : earlier(recorded, submission));
    }

    private InvoiceSubmission submission(Tenant tenant, InvoiceDocument document, Optional<Requester> person) {
        return new InvoiceSubmission(ids.get().toString(), tenant.id(), settings.environment(), tenant.nip(),
                document, clock.instant(), null, person.orElse(null));
    }

    private static Requester requester(ActingPerson person) {
        return new Requester(person.type(), person.id(), person.onBehalfOf());
    }

    /**
     * Answers once the command is in the producer's queue, not after the broker's ack: the row is already durable and
     * the relay publishes whatever is not acknowledged, so waiting added the broker's round trip and two thread
     * hand-offs to every request for no guarantee (README "The 202 does not wait for the broker").
     */
    private Mono<String> publish(InvoiceSubmission submission) {
        return publisher.enqueue(submission)
                .timeout(settings.publishTimeout())
                .doOnNext(ack -> {
                    // the ids only: the XML is not held until the ack (the producer holds its serialised record)
                    String tenantId = submission.tenantId();
                    String commandId = submission.commandId();
                    String invoiceNumber = submission.invoice().invoiceNumber();
                    ack.whenComplete((done, failure) -> acknowledged(tenantId, commandId, invoiceNumber, failure));
                })
                .thenReturn(submission.commandId())
                .onErrorResume(e -> {
                    deferred(submission.tenantId(), submission.commandId(), e);
                    return Mono.just(submission.commandId());
                });
    }

    /**
     * On the producer's I/O thread, so kept to a queue add: it delays the producer's other sends. The marks' flush
     * logs the {@code command published} line; only a refusal (rare, and worth its line at once) is logged here.
     */
    private void acknowledged(String tenantId, String commandId, String invoiceNumber, Throwable failure) {
        if (failure != null) {
            deferred(tenantId, commandId, failure);
            return;
        }
        marks.add(new PublishedMarks.Published(tenantId, commandId, invoiceNumber));
    }

    /** Recorded durably: the outbox relay publishes it, and the tenant has its 202 either way. */
    private static void deferred(String tenantId, String commandId, Throwable cause) {
        LogIds.log(tenantId, commandId, () -> log.warn("publish deferred to outbox tenantId={} commandId={} cause={}",
                tenantId, commandId, cause.toString()));
    }

    private static Mono<String> earlier(CommandLog.Recorded recorded, InvoiceSubmission submission) {
        if (!recorded.sha256().equals(submission.invoice().sha256())) {
            return Mono.error(new IdempotencyKeyReused(recorded.commandId()));
        }
        return Mono.just(recorded.commandId());
    }

    private static boolean isValidKey(String key) {
        return !key.isEmpty() && key.length() <= MAX_IDEMPOTENCY_KEY && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }

    /** @param environment KSeF environment commands target, e.g. TEST */
    public record SubmissionSettings(String environment, Duration publishTimeout) {
    }
}
