package dev.ksefplatform.commandapi.tenant.domain;

public enum TenantStatus {
    ACTIVE,
    DISABLED
}
