package dev.ksefplatform.worker.retention.application;

import java.time.Instant;
import java.util.Map;

/** The worker's tables of finished work, as the pruning sees them. */
public interface RetentionStore {

    /**
     * Deletes, from each table, at most {@code max} rows of work finished before {@code before}; answers how many
     * rows each table lost (by table name, every table named, 0 included).
     */
    Map<String, Integer> prune(Instant before, int max);
}
