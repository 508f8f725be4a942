package dev.ksefplatform.commandapi.deadletter.api;

import dev.ksefplatform.commandapi.deadletter.domain.DeadLetter;
import dev.ksefplatform.commandapi.deadletter.domain.Redrive;
import java.time.Instant;

/** One dead letter in {@code GET /admin/v1/dead-letters}: whether it can be re-driven (else why not), and its re-drive. */
record DeadLetterView(String deadLetter, String tenantId, String commandId, String messageType, String reason,
                      String originalTopic, Instant deadLetteredAt, boolean redrivable, String notRedrivable,
                      RedriveView redrive) {

    static DeadLetterView of(DeadLetter d, Redrive redrive) {
        String why = d.notRedrivable();
        return new DeadLetterView(d.address().toString(), d.tenantId(), d.commandId(), d.messageType(), d.reason(),
                d.originalTopic(), d.deadLetteredAt(), why == null, why, redrive == null ? null : RedriveView.of(redrive,
                        false));
    }
}
