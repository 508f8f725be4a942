package dev.ksefplatform.simulator.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtCodecTest {

    private static final Instant NOW = Instant.parse("2025-07-11T12:00:00Z");
    private final JwtCodec codec = codec(new byte[32], NOW);

    @Test
    void verifiesATokenItSignedAndReturnsItsClaims() {
        String token = codec.sign(Map.of("token-type", "ContextToken", "exp", NOW.getEpochSecond() + 60));

        assertThat(codec.verify(token)).hasValueSatisfying(
                claims -> assertThat(claims).containsEntry("token-type", "ContextToken"));
    }

    @Test
    void rejectsATokenWithAChangedPayload() {
        String token = codec.sign(Map.of("token-type", "OperationToken", "exp", NOW.getEpochSecond() + 60));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"token-type\":\"ContextToken\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}").getBytes()) + "." + parts[2];

        assertThat(codec.verify(forged)).isEmpty();
    }

    @Test
    void rejectsATokenSignedWithAnotherSecret() {
        byte[] other = new byte[32];
        other[0] = 1;
        String token = codec(other, NOW).sign(Map.of("exp", NOW.getEpochSecond() + 60));

        assertThat(codec.verify(token)).isEmpty();
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = codec.sign(Map.of("exp", NOW.getEpochSecond() + 60));

        assertThat(codec(new byte[32], NOW.plusSeconds(61)).verify(token)).isEmpty();
    }

    private static JwtCodec codec(byte[] secret, Instant now) {
        return new JwtCodec(secret, new ObjectMapper(), Clock.fixed(now, ZoneOffset.UTC));
    }
}
