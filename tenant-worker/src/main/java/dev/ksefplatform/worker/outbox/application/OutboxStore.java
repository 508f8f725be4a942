package dev.ksefplatform.worker.outbox.application;

import java.util.List;

/** The outbox rows of the partitions this instance owns. */
public interface OutboxStore {

    /** The oldest rows of owned partitions, oldest first. */
    List<OutboxRecord> next(int max);

    void delete(List<Long> ids);
}
