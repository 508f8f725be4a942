package dev.ksefplatform.credentials.vault.adapter.r2dbc;

import dev.ksefplatform.credentials.vault.application.KeyRotations;
import dev.ksefplatform.credentials.vault.domain.KeyRotation;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public final class R2dbcKeyRotations implements KeyRotations {

    private final DatabaseClient db;

    public R2dbcKeyRotations(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<KeyRotation> save(KeyRotation r) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO credentials.key_rotations (id, target_version, "
                        + "status, total, rewrapped, failed, started_at, finished_at) VALUES (:id, :target, :status, "
                        + ":total, :rewrapped, :failed, :started, :finished) ON CONFLICT (id) DO UPDATE SET "
                        + "status = :status, rewrapped = :rewrapped, failed = :failed, finished_at = :finished")
                .bind("id", r.id()).bind("target", r.targetVersion()).bind("status", r.status().name())
                .bind("total", r.total()).bind("rewrapped", r.rewrapped()).bind("failed", r.failed())
                .bind("started", r.startedAt().atOffset(ZoneOffset.UTC));
        spec = r.finishedAt() == null ? spec.bindNull("finished", OffsetDateTime.class)
                : spec.bind("finished", r.finishedAt().atOffset(ZoneOffset.UTC));
        return spec.fetch().rowsUpdated().thenReturn(r);
    }

    @Override
    public Mono<KeyRotation> find(UUID id) {
        return db.sql("SELECT * FROM credentials.key_rotations WHERE id = :id").bind("id", id)
                .map(R2dbcKeyRotations::rotation).one();
    }

    private static KeyRotation rotation(Readable row) {
        OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
        return new KeyRotation(row.get("id", UUID.class), row.get("target_version", Integer.class),
                KeyRotation.Status.valueOf(row.get("status", String.class)), row.get("total", Integer.class),
                row.get("rewrapped", Integer.class), row.get("failed", Integer.class),
                row.get("started_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant());
    }
}
