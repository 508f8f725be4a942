package dev.ksefplatform.commandapi.tenant.application;

public final class NipAlreadyRegistered extends RuntimeException {

    public NipAlreadyRegistered(String nip, Throwable cause) {
        super("NIP " + nip + " already has a tenant", cause);
    }
}
