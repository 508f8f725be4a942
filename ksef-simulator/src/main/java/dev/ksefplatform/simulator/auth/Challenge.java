package dev.ksefplatform.simulator.auth;

import java.time.Instant;

/** An authorisation challenge; it lives 10 minutes and can start one authentication. */
record Challenge(String challenge, Instant timestamp, String clientIp) {

    long timestampMs() {
        return timestamp.toEpochMilli();
    }
}
