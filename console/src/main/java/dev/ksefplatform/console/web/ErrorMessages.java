package dev.ksefplatform.console.web;

import dev.ksefplatform.console.commandapi.CommandApiRefused;
import java.util.Optional;
import java.util.Set;

/**
 * What a person should do about command-api's refusal: each problem type command-api answers (and the ones it passes
 * on from credential-service: 400, 409 and KSeF busy) has a sentence {@code error.<type>} in both bundles
 * (ErrorMessagesTest reads command-api's sources so a new type cannot be forgotten); command-api's own detail is shown
 * under it only where it carries specifics (which field, which line of the XML), and alone for a type unknown here.
 */
final class ErrorMessages {

    static final Set<String> KNOWN = Set.of(
            "unauthorized", "forbidden", "invalid-request", "invalid-nip", "nip-already-registered", "tenant-not-found",
            "unsupported-media-type", "payload-too-large", "invalid-encoding", "invalid-invoice", "xml-limit-exceeded",
            "seller-not-tenant", "idempotency-key-reused", "command-not-found", "upo-not-available-yet",
            "invoice-xml-not-available", "upstream-not-found", "cursor-not-found", "inbox-invoice-not-found",
            "inbox-sync-running", "inbox-sync-unavailable", "integration-not-found", "integration-not-active",
            "illegal-status-transition", "unknown-key-version", "key-rotation-running", "ksef-unavailable",
            "ksef-rate-budget", "webhook-deliveries-pending", "webhook-not-found", "credential-service-unavailable",
            "audit-query-timeout", "kafka-unavailable", "read-model-unavailable", "service-unavailable", "internal-error",
            "ksef-budget-not-seen", "dead-letter-not-found", "dead-letter-not-redrivable", "request-timeout",
            "too-many-submissions-in-flight", "gateway-busy");

    /** Types whose detail names what exactly is wrong (a field, an XSD line and column, a limit, a NIP). */
    static final Set<String> DETAILED = Set.of("invalid-request", "invalid-nip", "invalid-invoice", "xml-limit-exceeded",
            "invalid-encoding", "seller-not-tenant", "illegal-status-transition", "nip-already-registered");

    private ErrorMessages() {
    }

    /** The bundle's key for a known problem (the page shows command-api's own detail for any other). */
    static Optional<String> keyOf(CommandApiRefused e) {
        return Optional.ofNullable(e.problem()).filter(KNOWN::contains).map(problem -> "error." + problem);
    }

    /** command-api's detail, where it says more than the sentence does. */
    static Optional<String> detailsOf(CommandApiRefused e) {
        return keyOf(e).isEmpty() || DETAILED.contains(e.problem()) ? Optional.of(e.getMessage()) : Optional.empty();
    }
}
