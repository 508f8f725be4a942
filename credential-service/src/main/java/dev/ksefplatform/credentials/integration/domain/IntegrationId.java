package dev.ksefplatform.credentials.integration.domain;

import java.util.Objects;
import java.util.UUID;

public record IntegrationId(UUID value) {

    public IntegrationId {
        Objects.requireNonNull(value, "value");
    }

    public static IntegrationId parse(String text) {
        try {
            return new IntegrationId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IntegrationNotFound(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
