package dev.ksefplatform.worker.engine.application;

import java.util.Objects;

/** A leased KSeF access token. Its {@code toString} is masked so it never reaches a log or an event by accident. */
public record AccessToken(String value) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "AccessToken[***]";
    }
}
