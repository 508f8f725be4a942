package dev.ksefplatform.audit.projection.adapter.r2dbc;

import dev.ksefplatform.support.projection.application.ReadModelReset;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public final class R2dbcReadModelReset implements ReadModelReset {

    private final DatabaseClient db;

    public R2dbcReadModelReset(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> truncateAll() {
        return db.sql("TRUNCATE audit.audit_log, audit.integration_owners, audit.tenant_violations,"
                + " audit.applied_offsets").then();
    }
}
