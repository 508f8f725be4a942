package dev.ksefplatform.worker.intake.application;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import java.time.Instant;

/** A {@code VerifyIntegration} command as the worker queues it, with its record's bytes for a later dead letter. */
public record NewVerification(CommandRef ref, int partition, String integrationId, String environment, String trigger,
                              Instant receivedAt, byte[] original, long offset) {
}
