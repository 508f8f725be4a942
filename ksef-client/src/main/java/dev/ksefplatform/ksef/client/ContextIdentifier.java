package dev.ksefplatform.ksef.client;

import java.util.Objects;

/** The KSeF context one acts in. */
public record ContextIdentifier(Type type, String value) {

    public enum Type { Nip, InternalId, NipVatUe, PeppolId }

    public ContextIdentifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static ContextIdentifier nip(String nip) {
        return new ContextIdentifier(Type.Nip, nip);
    }
}
