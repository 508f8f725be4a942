package dev.ksefplatform.worker.intake.application;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Instant;

/** A {@code SyncInbox} command as the worker queues it (its id is the dedupe key: one sync however often it comes). */
public record NewInboxSync(CommandRef ref, LaneKey lane, String subjectType, Instant fromHighWaterMark,
                           Instant receivedAt) {
}
