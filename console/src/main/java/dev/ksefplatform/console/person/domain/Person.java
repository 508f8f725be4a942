package dev.ksefplatform.console.person.domain;

import java.time.Instant;

/** Someone who logs in to the console; {@code tenantId} is null for an operator. */
public record Person(String id, String login, String passwordHash, Role role, String tenantId, Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
