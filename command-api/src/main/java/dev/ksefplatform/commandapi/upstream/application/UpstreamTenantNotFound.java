package dev.ksefplatform.commandapi.upstream.application;

/** A grant named a tenant the gateway does not have. */
public final class UpstreamTenantNotFound extends RuntimeException {

    public UpstreamTenantNotFound(String tenantId) {
        super("no tenant " + tenantId);
    }
}
