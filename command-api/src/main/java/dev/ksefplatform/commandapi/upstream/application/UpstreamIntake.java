package dev.ksefplatform.commandapi.upstream.application;

import dev.ksefplatform.commandapi.submission.application.IdempotencyKeyReused;
import dev.ksefplatform.commandapi.submission.application.InvoiceSubmissions;
import dev.ksefplatform.commandapi.submission.domain.InvoiceInvalid;
import dev.ksefplatform.commandapi.submission.domain.InvoiceRefused;
import dev.ksefplatform.commandapi.tenant.application.Tenants;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Commands of upstream systems, held to the rules of the REST API: a system acts only for the tenants the admin
 * granted it, only an active tenant's command is taken, and the invoice is checked like a REST one (size, XSD, seller NIP =
 * the tenant's NIP) before it is recorded in the same command log and published to the worker. A command created
 * before the command log's retention horizon (and a day for the systems' clocks) is refused: the log is what makes a
 * messageId taken once. A database failure is an error (the record is retried), never a refusal.
 */
public final class UpstreamIntake {

    private static final int MAX_REASON_VIOLATIONS = 3;

    private final UpstreamGrants grants;
    private final Tenants tenants;
    private final InvoiceSubmissions submissions;
    private final int maxBytes;
    private final Supplier<Instant> oldestTaken;

    /**
     * @param oldestTaken a command created before it is refused: its messageId (its idempotency key) may have left
     *                    the command log with its command (retention), so it could be taken and run a second time
     */
    public UpstreamIntake(UpstreamGrants grants, Tenants tenants, InvoiceSubmissions submissions, int maxBytes,
                          Supplier<Instant> oldestTaken) {
        this.grants = grants;
        this.tenants = tenants;
        this.submissions = submissions;
        this.maxBytes = maxBytes;
        this.oldestTaken = oldestTaken;
    }

    public Mono<IngressOutcome> take(IngressCommand command) {
        return grants.allows(command.upstreamId(), command.tenantId()).flatMap(allowed -> allowed ? checked(command)
                : refused("upstream system " + command.upstreamId() + " may not act for tenant " + command.tenantId(),
                        false));
    }

    private Mono<IngressOutcome> checked(IngressCommand command) {
        if (!IngressCommand.SUBMIT_INVOICE.equals(command.payloadType())) {
            return refused("upstream systems may publish SubmitInvoice commands only, not " + command.payloadType(), true);
        }
        UUID messageId = uuid(command.messageId());
        if (messageId == null) {
            return refused("messageId must be a UUID (it becomes the command id), not " + command.messageId(), true);
        }
        Instant oldest = oldestTaken.get();
        if (command.occurredAt() == null || command.occurredAt().isBefore(oldest)) {
            return refused("the command was created at " + command.occurredAt() + ", before " + oldest
                    + ": the gateway no longer remembers every command that old, so it may have run already", true);
        }
        if (command.xml().length > maxBytes) {
            return refused("the invoice is larger than " + maxBytes + " bytes", true);
        }
        return tenants.byId(command.tenantId())
                .filter(tenant -> tenant.isActive())
                .flatMap(tenant -> submissions.submitFromUpstream(tenant, command.xml(), command.upstreamId(), messageId)
                        .<IngressOutcome>map(IngressOutcome.Accepted::new)
                        .onErrorResume(InvoiceRefused.class, e -> refused(reason(e), true))
                        .onErrorResume(IdempotencyKeyReused.class, e -> refused(
                                "messageId " + messageId + " was taken before for a different invoice", true)))
                .switchIfEmpty(Mono.defer(() -> refused("tenant " + command.tenantId() + " is not an active tenant", false)));
    }

    private static Mono<IngressOutcome> refused(String reason, boolean tenantsOwn) {
        return Mono.just(new IngressOutcome.Refused(reason, tenantsOwn));
    }

    private static String reason(InvoiceRefused refused) {
        if (refused instanceof InvoiceInvalid invalid) {
            return refused.getMessage() + ": " + invalid.violations().stream().limit(MAX_REASON_VIOLATIONS)
                    .map(v -> "line " + v.line() + ": " + v.message()).collect(Collectors.joining("; "));
        }
        return refused.getMessage();
    }

    private static UUID uuid(String id) {
        try {
            UUID uuid = id == null ? null : UUID.fromString(id);
            return uuid != null && uuid.toString().equalsIgnoreCase(id) ? uuid : null; // only the canonical form
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
