package dev.ksefplatform.credentials.integration.domain;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of an integration account; REVOKED is terminal. */
public enum IntegrationStatus {
    PENDING, ACTIVE, ERROR, EXPIRED, DISABLED, REVOKED;

    public boolean canMoveTo(IntegrationStatus next) {
        return allowedNext().contains(next);
    }

    private Set<IntegrationStatus> allowedNext() {
        return switch (this) {
            case PENDING, ERROR, EXPIRED -> EnumSet.of(ACTIVE, ERROR, EXPIRED, DISABLED, REVOKED);
            case ACTIVE -> EnumSet.of(ACTIVE, ERROR, EXPIRED, DISABLED, REVOKED);
            case DISABLED -> EnumSet.of(PENDING, REVOKED);
            case REVOKED -> EnumSet.noneOf(IntegrationStatus.class);
        };
    }
}
