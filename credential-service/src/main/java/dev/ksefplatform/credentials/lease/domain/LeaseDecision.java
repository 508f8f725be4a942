package dev.ksefplatform.credentials.lease.domain;

import dev.ksefplatform.credentials.integration.domain.Integration;

/** The outcome of the lease checks. */
public sealed interface LeaseDecision {

    record Granted(Integration integration) implements LeaseDecision {
    }

    record Denied(DenialReason reason, String detail) implements LeaseDecision {
    }
}
