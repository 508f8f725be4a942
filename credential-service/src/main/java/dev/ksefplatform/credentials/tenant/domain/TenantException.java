package dev.ksefplatform.credentials.tenant.domain;

/** An integration asked for a tenant the gateway never vouched for, or in another NIP than the tenant's. */
public sealed class TenantException extends RuntimeException permits UnknownTenant, TenantNipMismatch {

    protected TenantException(String message) {
        super(message);
    }
}
