package dev.ksefplatform.worker.submission.application;

import java.util.Objects;

/** A KSeF bearer token; {@link #toString()} never reveals it, so it cannot leak through logs or messages. */
public record AccessToken(String value) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "AccessToken[***]";
    }
}
