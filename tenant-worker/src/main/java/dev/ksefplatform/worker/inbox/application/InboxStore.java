package dev.ksefplatform.worker.inbox.application;

import dev.ksefplatform.worker.engine.application.EventEncoder.Encoded;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.inbox.domain.Checkpoint;
import dev.ksefplatform.worker.inbox.domain.InboxSync;
import dev.ksefplatform.worker.inbox.domain.Window;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The worker's inbox state: syncs waiting or running, the checkpoint per (context, subject type), and the events of
 * each window written with its checkpoint in one transaction — fenced by partition ownership, so an instance that
 * lost the partition writes nothing.
 */
public interface InboxStore {

    /** Syncs of these partitions that may run now (queued or interrupted), oldest first. */
    List<InboxSync> runnable(Collection<Integer> partitions, Collection<String> running, int limit, Instant now);

    Optional<Checkpoint> checkpoint(LaneKey lane, String subjectType);

    /** Records a window; false when this instance no longer owns the sync's partition (nothing was written). */
    boolean window(InboxSync sync, Window window, List<Encoded> events, String owner);

    /** Ends the sync with its last event; false when the partition moved. */
    boolean finish(InboxSync sync, Encoded event, String owner);

    /** Lets the sync wait until {@code at}, counting a failed attempt when {@code failed}. */
    void retryAt(InboxSync sync, Instant at, String reason, boolean failed);
}
