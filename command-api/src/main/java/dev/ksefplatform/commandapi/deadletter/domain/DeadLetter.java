package dev.ksefplatform.commandapi.deadletter.domain;

import java.time.Instant;

/**
 * A record of {@code ksef.commands.v1-dlt} as operators see it: where it is, where it came from and why, and the
 * command's ids when its value decodes ({@code commandId} null for a poison record).
 */
public record DeadLetter(DeadLetterAddress address, String originalTopic, String reason, Instant deadLetteredAt,
                         String tenantId, String commandId, String correlationId, String messageType) {

    static final String COMMANDS = "ksef.commands.v1";

    /** Why it cannot be re-driven, or null when it can. */
    public String notRedrivable() {
        if (commandId == null) {
            return "its value cannot be decoded as a command (a poison record): nothing can run it; the producer "
                    + "must publish the command again";
        }
        if (!COMMANDS.equals(originalTopic)) {
            return "it came from " + originalTopic + ", not " + COMMANDS + ": an upstream system's refused record is "
                    + "corrected and published again by that system";
        }
        return null;
    }
}
