package dev.ksefplatform.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.worker.retention.adapter.jdbc.JdbcRetentionStore;
import dev.ksefplatform.worker.retention.application.Retention;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pruning of finished work on a real PostgreSQL with the worker's own migrations (V8 builds its indexes
 * concurrently, outside a transaction): only rows finished before the retention go, live rows of any age stay, a round
 * deletes at most its batch per table and says when more is left, and two instances pruning at once delete each row
 * once.
 */
class RetentionIT {

    private static final String DATABASE = "retention_it";
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration KEEP = Duration.ofDays(35);
    private static final Instant OLD = NOW.minus(KEEP).minusSeconds(60);
    private static final Instant RECENT = NOW.minus(KEEP).plusSeconds(60);
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() throws Exception {
        jdbc = WorkerDatabase.migrated(DATABASE);
    }

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE worker.commands, worker.upo_fetches, worker.inbox_syncs, worker.verifications,"
                + " worker.sessions");
    }

    @Test
    void onlyWorkFinishedBeforeTheRetentionIsDeleted() {
        command("c-old-done", "DONE", OLD, OLD);
        command("c-recent-done", "DONE", OLD, RECENT);
        command("c-old-queued", "QUEUED", OLD, null);
        command("c-old-sent", "SENT", OLD, null);
        upo("u-old-done", "DONE", OLD, null);
        upo("u-old-lost", "LOST", null, OLD);
        upo("u-recent-done", "DONE", RECENT, null);
        upo("u-old-pending", "PENDING", null, null);
        sync("s-old-done", "DONE", OLD);
        sync("s-recent-done", "DONE", RECENT);
        sync("s-old-queued", "QUEUED", null);
        verification("v-old-done", "DONE", OLD);
        verification("v-old-refused", "REFUSED", OLD);
        verification("v-recent-done", "DONE", RECENT);
        verification("v-old-queued", "QUEUED", null);
        for (String state : List.of("CLOSED", "DONE", "ABANDONED", "FAILED", "OPEN", "UPLOADING", "PROCESSING")) {
            session("old-" + state, state, OLD);
        }
        session("recent-CLOSED", "CLOSED", RECENT);

        boolean more = retention(100).tick();

        assertThat(more).isFalse();
        assertThat(ids("commands", "command_id")).containsExactly("c-old-queued", "c-old-sent", "c-recent-done");
        assertThat(ids("upo_fetches", "command_id")).containsExactly("u-old-pending", "u-recent-done");
        assertThat(ids("inbox_syncs", "command_id")).containsExactly("s-old-queued", "s-recent-done");
        assertThat(ids("verifications", "command_id")).containsExactly("v-old-queued", "v-recent-done");
        assertThat(ids("sessions", "session_ref"))
                .containsExactly("old-OPEN", "old-PROCESSING", "old-UPLOADING", "recent-CLOSED");
    }

    @Test
    void aRoundDeletesAtMostItsBatchPerTableOldestFirstAndAsksForMore() {
        for (int i = 0; i < 7; i++) {
            command("c-" + i, "DONE", OLD, OLD.minusSeconds(100 - i));
        }
        Map<String, Integer> counted = new TreeMap<>();
        Retention retention = new Retention(new JdbcRetentionStore(jdbc), KEEP, 3, Clock.fixed(NOW, ZoneOffset.UTC),
                (table, rows) -> counted.merge(table, rows, Integer::sum));

        assertThat(retention.tick()).isTrue();
        assertThat(ids("commands", "command_id")).containsExactly("c-3", "c-4", "c-5", "c-6");
        assertThat(retention.tick()).isTrue();
        assertThat(retention.tick()).isFalse();
        assertThat(ids("commands", "command_id")).isEmpty();
        assertThat(counted).containsEntry("commands", 7).containsEntry("sessions", 0);
    }

    @Test
    void twoInstancesPruningAtOnceDeleteEachRowOnce() {
        for (int i = 0; i < 2_000; i++) {
            command("c-" + i, "DONE", OLD, OLD.minusSeconds(i));
        }
        JdbcRetentionStore store = new JdbcRetentionStore(jdbc);
        List<CompletableFuture<Integer>> instances = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    int deleted = 0;
                    for (int n; (n = store.prune(NOW.minus(KEEP), 100).get("commands")) > 0; ) {
                        deleted += n;
                    }
                    return deleted;
                })).toList();

        int total = instances.stream().mapToInt(CompletableFuture::join).sum();

        assertThat(total).isEqualTo(2_000);
        assertThat(ids("commands", "command_id")).isEmpty();
    }

    private static Retention retention(int batch) {
        return new Retention(new JdbcRetentionStore(jdbc), KEEP, batch, Clock.fixed(NOW, ZoneOffset.UTC),
                (table, rows) -> { });
    }

    private static List<String> ids(String table, String key) {
        return jdbc.queryForList("SELECT " + key + " FROM worker." + table + " ORDER BY 1", String.class);
    }

    private static void command(String id, String state, Instant received, Instant finished) {
        jdbc.update("""
                INSERT INTO worker.commands (command_id, tenant_id, partition, kind, environment, context_nip,
                    correlation_id, received_at, state, finished_at)
                VALUES (?, 'tenant-a', 0, 'SUBMIT_INVOICE', 'TEST', '5260250274', ?, ?, ?, ?)""",
                id, "corr-" + id, Timestamp.from(received), state, timestamp(finished));
    }

    private static void upo(String id, String state, Instant done, Instant lost) {
        jdbc.update("""
                INSERT INTO worker.upo_fetches (command_id, tenant_id, partition, environment, context_nip,
                    correlation_id, ksef_number, session_ref, state, not_before, done_at, lost_at)
                VALUES (?, 'tenant-a', 0, 'TEST', '5260250274', ?, ?, 'session-1', ?, ?, ?, ?)""",
                id, "corr-" + id, "ksef-" + id, state, Timestamp.from(OLD), timestamp(done), timestamp(lost));
    }

    private static void sync(String id, String state, Instant finished) {
        jdbc.update("""
                INSERT INTO worker.inbox_syncs (command_id, tenant_id, partition, environment, context_nip,
                    subject_type, correlation_id, received_at, state, not_before, finished_at)
                VALUES (?, 'tenant-a', 0, 'TEST', '5260250274', 'Subject2', ?, ?, ?, ?, ?)""",
                id, "corr-" + id, Timestamp.from(OLD), state, Timestamp.from(OLD), timestamp(finished));
    }

    private static void verification(String id, String state, Instant done) {
        jdbc.update("""
                INSERT INTO worker.verifications (command_id, tenant_id, partition, integration_id, environment,
                    trigger, correlation_id, received_at, not_before, state, done_at)
                VALUES (?, 'tenant-a', 0, 'integration-1', 'TEST', 'REQUEST', ?, ?, ?, ?, ?)""",
                id, "corr-" + id, Timestamp.from(OLD), Timestamp.from(OLD), state, timestamp(done));
    }

    private static void session(String ref, String state, Instant opened) {
        jdbc.update("""
                INSERT INTO worker.sessions (session_ref, tenant_id, partition, environment, context_nip, session_type,
                    state, opened_at, opened_by)
                VALUES (?, 'tenant-a', 0, 'TEST', '5260250274', 'Online', ?, ?, 'instance-1')""",
                ref, state, Timestamp.from(opened));
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
