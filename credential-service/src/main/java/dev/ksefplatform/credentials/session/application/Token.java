package dev.ksefplatform.credentials.session.application;

import java.time.Instant;

/** A KSeF bearer token. toString never prints it. */
public record Token(String value, Instant validUntil) {

    public boolean validBeyond(Instant instant) {
        return validUntil.isAfter(instant);
    }

    @Override
    public String toString() {
        return "Token[***, validUntil=" + validUntil + "]";
    }
}
