package dev.ksefplatform.credentials.lease.domain;

public final class IntegrationNotActive extends LeaseRefused {

    public IntegrationNotActive(String detail) {
        super(DenialReason.INTEGRATION_NOT_ACTIVE, detail);
    }
}
