package dev.ksefplatform.ksef.client.http;

import dev.ksefplatform.ksef.client.ContextIdentifier;
import java.util.Arrays;

/** A context identifier on the wire; types this client does not know become {@code null}. */
public record ContextDto(String type, String value) {

    public static ContextDto of(ContextIdentifier context) {
        return new ContextDto(context.type().name(), context.value());
    }

    public ContextIdentifier toContext() {
        return Arrays.stream(ContextIdentifier.Type.values())
                .filter(t -> t.name().equalsIgnoreCase(type))
                .findFirst()
                .map(t -> new ContextIdentifier(t, value))
                .orElse(null);
    }
}
