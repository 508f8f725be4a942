package dev.ksefplatform.worker.submission.adapter.ksef;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Invoices this worker already handed to KSeF whose final status it has not seen yet, by command id.
 *
 * <p>A transient failure after the send (status poll timed out, 5xx or 429 while polling) rolls the
 * Kafka transaction back and the command comes again. Sending it again would make KSeF answer 440
 * and turn the tenant's own accepted invoice into a "duplicate"; so the retry resumes polling the
 * invoice that was sent. Entries live no longer than an online session (12 h). A worker crash
 * between send and commit loses this memory: that retry re-sends and ends as InvoiceDuplicate
 * with the original KSeF number (nothing is stored twice in KSeF).
 */
final class SentInvoices {

    private static final Duration KEEP = Duration.ofHours(12);
    private static final int MAX_ENTRIES = 100_000;

    /** Where the invoice went. */
    record Sent(String sessionReferenceNumber, Instant sessionValidUntil, String invoiceReferenceNumber,
                String invoiceHash, long invoiceSize, Instant sentAt) {
    }

    private final Map<String, Sent> byCommand = new ConcurrentHashMap<>();

    Optional<Sent> find(String commandId, Instant now) {
        Sent sent = byCommand.get(commandId);
        if (sent != null && sent.sentAt().plus(KEEP).isBefore(now)) {
            byCommand.remove(commandId, sent);
            return Optional.empty();
        }
        return Optional.ofNullable(sent);
    }

    void remember(String commandId, Sent sent) {
        if (byCommand.size() >= MAX_ENTRIES) {
            byCommand.values().removeIf(s -> s.sentAt().plus(KEEP).isBefore(sent.sentAt()));
        }
        byCommand.put(commandId, sent);
    }

    void forget(String commandId) {
        byCommand.remove(commandId);
    }
}
