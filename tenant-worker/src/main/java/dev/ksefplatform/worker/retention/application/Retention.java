package dev.ksefplatform.worker.retention.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * Deletes finished work once it is older than {@code keep}: the event log, not the worker's tables, is the record of
 * what happened, and a queue that keeps every command it ever ran grows without bound (at KSeF's national load, about
 * 120 million commands a day). A round deletes at most {@code batch} rows per table; a round that filled a batch
 * asks for the next at once, so a backlog of old rows drains as fast as the database deletes them.
 */
public final class Retention {

    private final RetentionStore store;
    private final Duration keep;
    private final int batch;
    private final Clock clock;
    private final ObjIntConsumer<String> deleted;

    public Retention(RetentionStore store, Duration keep, int batch, Clock clock, ObjIntConsumer<String> deleted) {
        this.store = store;
        this.keep = keep;
        this.batch = batch;
        this.clock = clock;
        this.deleted = deleted;
    }

    /** One round; {@code true} when some table had more to delete than one batch. */
    public boolean tick() {
        Map<String, Integer> rows = store.prune(clock.instant().minus(keep), batch);
        rows.forEach((table, n) -> deleted.accept(table, n));
        return rows.values().stream().anyMatch(n -> n >= batch);
    }
}
