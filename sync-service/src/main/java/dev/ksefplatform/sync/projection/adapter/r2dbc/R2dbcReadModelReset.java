package dev.ksefplatform.sync.projection.adapter.r2dbc;

import dev.ksefplatform.support.projection.application.ReadModelReset;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Empties every read model folded from the event log, in the rebuild's transaction. The raw document stores
 * (received and sent documents, UPOs) refuse TRUNCATE unless the transaction says it rebuilds ({@code SET LOCAL sync.rebuild = 'on'}, gone at its end).
 * The scheduler's state (runs, outbox) is not folded from the log and is kept.
 */
public final class R2dbcReadModelReset implements ReadModelReset {

    private final DatabaseClient db;

    public R2dbcReadModelReset(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> truncateAll() {
        return db.sql("SET LOCAL sync.rebuild = 'on'").then()
                .then(db.sql("TRUNCATE sync.submissions, sync.submission_holds, sync.documents_raw, sync.upo_documents,"
                        + " sync.inbox,"
                        + " sync.sync_state, sync.integrations, sync.notifications, sync.applied_offsets").then());
    }
}
