package dev.ksefplatform.credentials.lease.domain;

public final class ScopeNotGranted extends LeaseRefused {

    public ScopeNotGranted(String detail) {
        super(DenialReason.SCOPE_NOT_GRANTED, detail);
    }
}
