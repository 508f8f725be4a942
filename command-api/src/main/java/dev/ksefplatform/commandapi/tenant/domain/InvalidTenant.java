package dev.ksefplatform.commandapi.tenant.domain;

/** A registration request that cannot describe a tenant. */
public class InvalidTenant extends RuntimeException {

    public InvalidTenant(String message) {
        super(message);
    }
}
