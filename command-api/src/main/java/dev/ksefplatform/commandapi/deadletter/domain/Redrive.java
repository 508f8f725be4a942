package dev.ksefplatform.commandapi.deadletter.domain;

import java.time.Instant;

/** An operator's re-drive of one dead letter, as recorded; {@code publishedAt} null until both records are out. */
public record Redrive(String deadLetter, String commandId, String tenantId, String correlationId, String operator,
                      String note, Instant requestedAt, Instant publishedAt) {

    public Redrive published(Instant at) {
        return new Redrive(deadLetter, commandId, tenantId, correlationId, operator, note, requestedAt, at);
    }
}
