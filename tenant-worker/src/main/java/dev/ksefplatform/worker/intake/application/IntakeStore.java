package dev.ksefplatform.worker.intake.application;

import dev.ksefplatform.worker.engine.application.EventEncoder;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where taken commands wait: one transaction per poll, with the offsets taken, so a record is queued exactly once. */
public interface IntakeStore {

    /** This instance owns these partitions now (a new epoch each time), for the lanes' fencing. */
    void claim(Collection<Integer> partitions, String instanceId);

    /** The last offset taken per partition (absent: nothing taken yet). */
    Map<Integer, Long> takenOffsets(String topic, Collection<Integer> partitions);

    /**
     * Queues the commands, inbox syncs and verifications (a command id seen before is skipped), writes the outbox
     * records (dead letters and their events) and stores the offsets, all or nothing; in the same transaction each
     * re-drive is decided by {@link RedriveRule} against the rows it finds (locked).
     */
    Stored store(String topic, Taken taken, Map<Integer, List<EventEncoder.Encoded>> outbox, Map<Integer, Long> offsets);
}
