package dev.ksefplatform.credentials.vault.domain;

import java.time.Instant;
import java.util.UUID;

/** Progress of re-wrapping every data key under {@code targetVersion}. */
public record KeyRotation(UUID id, int targetVersion, Status status, int total, int rewrapped, int failed,
                          Instant startedAt, Instant finishedAt) {

    public enum Status { RUNNING, COMPLETED, COMPLETED_WITH_FAILURES }

    public static KeyRotation start(UUID id, int targetVersion, int total, Instant at) {
        return new KeyRotation(id, targetVersion, Status.RUNNING, total, 0, 0, at, null);
    }

    public KeyRotation progressed(int rewrappedNow, int failedNow) {
        return new KeyRotation(id, targetVersion, status, total, rewrapped + rewrappedNow, failed + failedNow,
                startedAt, null);
    }

    public KeyRotation finished(Instant at) {
        return new KeyRotation(id, targetVersion, failed == 0 ? Status.COMPLETED : Status.COMPLETED_WITH_FAILURES,
                total, rewrapped, failed, startedAt, at);
    }
}
