package dev.ksefplatform.schemas.serde;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * The payload types a reader schema knows. A record whose {@code ksef-message-type} header names
 * another type must be skipped before it is decoded: Avro would otherwise resolve an unknown union
 * branch to any structurally compatible one (a release-1 reader reads {@code InvoiceSent} as
 * {@code SessionOpened}).
 */
public final class PayloadTypes {

    private final Set<String> known;

    private PayloadTypes(Set<String> known) {
        this.known = known;
    }

    /** The branch names of the envelope's {@code payload} union. */
    public static PayloadTypes of(Schema envelope) {
        Schema payload = envelope.getField("payload").schema();
        return new PayloadTypes(payload.getTypes().stream().map(Schema::getName).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean knows(String messageType) {
        return known.contains(messageType);
    }
}
