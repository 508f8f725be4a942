package dev.ksefplatform.commandapi.acting.domain;

import java.time.Instant;

/** An operator began or stopped acting for a tenant in the console: an audited fact about that tenant. */
public record StaffActing(String eventId, String tenantId, String tenantNip, String operatorId, Phase phase, Instant at) {

    public enum Phase {
        START, END
    }
}
