package dev.ksefplatform.ksef.client;

import java.time.Instant;

/** A bearer token and its expiry. */
public record TokenInfo(String token, Instant validUntil) {

    @Override
    public String toString() {
        return "TokenInfo[token=***, validUntil=" + validUntil + "]";
    }
}
