package dev.ksefplatform.credentials.lease.domain;

import java.util.Objects;

/** A caller asks for a KSeF access token to act for {@code tenantId} in {@code contextNip}'s context. */
public record LeaseRequest(String caller, String tenantId, String environment, String contextNip, String purpose) {

    public LeaseRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(contextNip, "contextNip");
        Objects.requireNonNull(purpose, "purpose");
    }
}
