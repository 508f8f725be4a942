package dev.ksefplatform.commandapi.tenant.domain;

/** Not ten digits with a valid NIP checksum. */
public final class InvalidNip extends InvalidTenant {

    public InvalidNip(String nip) {
        super("'" + nip + "' is not a valid NIP");
    }
}
