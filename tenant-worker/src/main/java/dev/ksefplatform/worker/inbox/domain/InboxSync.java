package dev.ksefplatform.worker.inbox.domain;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Instant;

/**
 * A {@code SyncInbox} command as the worker keeps it: which context and subject type to sync, from where the
 * scheduler believes it stands, how many invoices it has received so far and how many attempts failed.
 */
public record InboxSync(CommandRef ref, LaneKey lane, String subjectType, Instant fromHighWaterMark, int received,
                        int failures) {
}
