package dev.ksefplatform.credentials.session.adapter.r2dbc;

import dev.ksefplatform.credentials.session.application.KsefContext;
import dev.ksefplatform.credentials.session.application.SessionRecords;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** {@link SessionRecords} in {@code credentials.auth_sessions}. */
public final class R2dbcSessionRecords implements SessionRecords {

    private static final Logger log = LoggerFactory.getLogger(R2dbcSessionRecords.class);

    private final DatabaseClient db;
    private final Clock clock;

    public R2dbcSessionRecords(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void opened(KsefContext context, String reference) {
        run("opened", db.sql("INSERT INTO credentials.auth_sessions (reference_number, integration_id, environment, "
                        + "context_nip, state, opened_at, updated_at) VALUES (:ref, :integration, :env, :nip, 'OPEN', "
                        + ":at, :at) ON CONFLICT (reference_number) DO NOTHING")
                .bind("ref", reference).bind("integration", UUID.fromString(context.integrationId()))
                .bind("env", context.environment()).bind("nip", context.contextNip())
                .bind("at", clock.instant().atOffset(ZoneOffset.UTC)).fetch().rowsUpdated());
    }

    @Override
    public void replaced(KsefContext context, String reference) {
        run("replaced", db.sql("INSERT INTO credentials.auth_sessions (reference_number, integration_id, environment, "
                        + "context_nip, state, opened_at, updated_at) VALUES (:ref, :integration, :env, :nip, "
                        + "'REPLACED', :at, :at) ON CONFLICT (reference_number) DO UPDATE SET state = 'REPLACED', "
                        + "updated_at = :at WHERE auth_sessions.state = 'OPEN'")
                .bind("ref", reference).bind("integration", UUID.fromString(context.integrationId()))
                .bind("env", context.environment()).bind("nip", context.contextNip())
                .bind("at", clock.instant().atOffset(ZoneOffset.UTC)).fetch().rowsUpdated());
    }

    @Override
    public void revoked(List<String> references) {
        mark(references, "REVOKED");
    }

    @Override
    public void gone(List<String> references) {
        mark(references, "GONE");
    }

    @Override
    public Mono<Map<KsefContext, Set<String>>> replaced() {
        return db.sql("SELECT reference_number, integration_id, environment, context_nip FROM credentials.auth_sessions "
                        + "WHERE state = 'REPLACED'")
                .map(row -> Map.entry(new KsefContext(row.get("integration_id", UUID.class).toString(),
                        row.get("environment", String.class), row.get("context_nip", String.class)),
                        row.get("reference_number", String.class)))
                .all()
                .collect(HashMap::new, (Map<KsefContext, Set<String>> byContext, Map.Entry<KsefContext, String> e) ->
                        byContext.computeIfAbsent(e.getKey(), key -> new HashSet<>()).add(e.getValue()));
    }

    private void mark(List<String> references, String state) {
        if (references.isEmpty()) {
            return;
        }
        // GONE ("KSeF no longer lists it") never overwrites REVOKED: two sweeps may overlap, and the one that lists
        // after the other revoked no longer sees the session (seen once in CI as a REVOKED session shown GONE)
        run(state, db.sql("UPDATE credentials.auth_sessions SET state = :state, updated_at = :at "
                        + "WHERE reference_number = ANY(:refs)" + ("GONE".equals(state) ? " AND state <> 'REVOKED'" : ""))
                .bind("state", state).bind("refs", references.toArray(String[]::new))
                .bind("at", clock.instant().atOffset(ZoneOffset.UTC)).fetch().rowsUpdated());
    }

    private static void run(String what, Mono<Long> write) {
        write.subscribe(rows -> { }, e -> log.warn("cannot record KSeF auth session state={} error={}", what,
                e.toString()));
    }
}
