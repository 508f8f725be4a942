package dev.ksefplatform.commandapi.integration.application;

import java.time.Instant;

/** A master-key rotation's progress as the vault reports it: envelopes to move, moved, failed; RUNNING until done. */
public record KeyRotationView(String rotationId, int targetVersion, String status, int total, int rewrapped,
                              int failed, Instant startedAt, Instant finishedAt) {
}
