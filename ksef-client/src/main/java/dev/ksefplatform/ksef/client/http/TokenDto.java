package dev.ksefplatform.ksef.client.http;

import dev.ksefplatform.ksef.client.TokenInfo;
import java.time.Instant;

/** KSeF's {@code TokenInfo} on the wire. */
public record TokenDto(String token, Instant validUntil) {

    public TokenInfo toTokenInfo() {
        return new TokenInfo(token, validUntil);
    }

    @Override
    public String toString() {
        return "TokenDto[***]";
    }
}
