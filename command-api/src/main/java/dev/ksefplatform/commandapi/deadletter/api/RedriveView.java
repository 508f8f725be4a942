package dev.ksefplatform.commandapi.deadletter.api;

import dev.ksefplatform.commandapi.deadletter.domain.Redrive;
import java.time.Instant;

/**
 * A re-drive as answered: {@code status} {@code PUBLISHED} (the command and {@code CommandRedriven} are on Kafka) or
 * {@code PENDING} (recorded; the relay publishes it); {@code repeated} when an earlier request re-drove it already.
 */
record RedriveView(String deadLetter, String commandId, String tenantId, String operator, String note,
                   Instant requestedAt, Instant publishedAt, String status, boolean repeated) {

    static RedriveView of(Redrive r, boolean repeated) {
        return new RedriveView(r.deadLetter(), r.commandId(), r.tenantId(), r.operator(), r.note(), r.requestedAt(),
                r.publishedAt(), r.publishedAt() == null ? "PENDING" : "PUBLISHED", repeated);
    }
}
