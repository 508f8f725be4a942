package dev.ksefplatform.simulator.shared;

import java.time.Instant;

/** The spec's TokenInfo: a JWT and when it stops being valid. */
public record TokenInfo(String token, Instant validUntil) {
}
