package dev.ksefplatform.support.projection.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.support.projection.adapter.r2dbc.R2dbcAppliedOffsets;
import dev.ksefplatform.support.projection.domain.RecordPosition;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The exactly-once core over real PostgreSQL: a batch's rows and its offsets commit or roll back together. */
class EventProjectorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String TOPIC = "ksef.events.v1";

    private static DatabaseClient db;
    private static TransactionalOperator transaction;
    private static R2dbcAppliedOffsets offsets;

    private final String group = "group-" + UUID.randomUUID();

    @BeforeAll
    static void database() throws SQLException {
        execute("CREATE SCHEMA IF NOT EXISTS support_it");
        execute("CREATE TABLE IF NOT EXISTS support_it.applied_offsets (consumer_group varchar(255) NOT NULL,"
                + " topic varchar(255) NOT NULL, partition integer NOT NULL, last_offset bigint NOT NULL,"
                + " PRIMARY KEY (consumer_group, topic, partition))");
        execute("CREATE TABLE IF NOT EXISTS support_it.notes (note varchar(255) PRIMARY KEY"
                + " CHECK (note NOT LIKE 'bad%'), applied integer NOT NULL)");
        EmbeddedPostgres postgres = EmbeddedPostgres.get();
        PostgresqlConnectionFactory connections = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration
                .builder().host(postgres.host()).port(postgres.port()).database(postgres.database())
                .username(postgres.username()).password(postgres.password()).build());
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(connections).maxSize(4).build());
        db = DatabaseClient.create(pool);
        transaction = TransactionalOperator.create(new R2dbcTransactionManager(pool));
        offsets = new R2dbcAppliedOffsets(db, "support_it");
    }

    @Test
    void batchIsAppliedAndItsOffsetsStoredPerPartition() throws SQLException {
        String a = note();
        String b = note();
        String c = note();

        BatchOutcome outcome = projector(insertNotes())
                .project(List.of(record(0, 5, a), record(1, 2, b), record(0, 6, c))).block(TIMEOUT);

        assertThat(outcome).isEqualTo(new BatchOutcome(3, 0, List.of()));
        assertThat(appliedCount(a, b, c)).isEqualTo(3);
        assertThat(offsets.all(group, TOPIC).block(TIMEOUT)).isEqualTo(Map.of(0, 6L, 1, 2L));
    }

    @Test
    void redeliveredBatchAppliesOnlyWhatFollowsTheStoredOffsets() throws SQLException {
        EventProjector<String> projector = projector(insertNotes());
        String first = note();
        String second = note();
        projector.project(List.of(record(1, 7, first))).block(TIMEOUT);

        BatchOutcome again = projector.project(List.of(record(1, 3, note()), record(1, 7, first), record(1, 8, second)))
                .block(TIMEOUT);

        assertThat(again.applied()).isEqualTo(1);
        assertThat(again.alreadyApplied()).isEqualTo(2);
        assertThat(appliedCount(first, second)).isEqualTo(2);
        assertThat(offsets.all(group, TOPIC).block(TIMEOUT)).isEqualTo(Map.of(1, 8L));
    }

    @Test
    void failedUpdateRollsBackTheWholeBatchAndLeavesTheOffsetsUnstored() throws SQLException {
        String a = note();
        String b = note();
        ReadModelUpdate<String> failsAfterWriting = notes -> insertNotes().apply(notes)
                .then(Mono.error(new IllegalStateException("read model down")));

        Mono<BatchOutcome> attempt = projector(failsAfterWriting).project(List.of(record(2, 9, a), record(2, 10, b)));

        assertThatThrownBy(() -> attempt.block(TIMEOUT)).hasMessageContaining("read model down");
        assertThat(appliedCount(a, b)).isZero();
        assertThat(offsets.all(group, TOPIC).block(TIMEOUT)).isEmpty();
    }

    @Test
    void recordsOfNoInterestAndPoisonStillAdvanceTheOffset() {
        List<EventRecord<String>> batch = List.of(
                EventRecord.of(position(3, 11), "m-11", "tenant-a", Optional.empty()),
                EventRecord.poison(position(3, 12), "m-12", "tenant-a", "undecodable: SerializationException"));

        BatchOutcome outcome = projector(insertNotes()).project(batch).block(TIMEOUT);

        assertThat(outcome.applied()).isEqualTo(1);
        assertThat(outcome.poison()).extracting(Poisoned::messageId).containsExactly("m-12");
        assertThat(offsets.all(group, TOPIC).block(TIMEOUT)).isEqualTo(Map.of(3, 12L));
    }

    @Test
    void recordBreakingAConstraintIsSkippedAsPoisonAndTheRestOfItsBatchApplied() throws SQLException {
        String before = note();
        String after = note();
        String bad = "bad-" + UUID.randomUUID();

        BatchOutcome outcome = projector(insertNotes())
                .project(List.of(record(4, 1, before), record(4, 2, bad), record(4, 3, after))).block(TIMEOUT);

        assertThat(outcome.applied()).isEqualTo(2);
        assertThat(outcome.poison()).singleElement().satisfies(p -> {
            assertThat(p.position().offset()).isEqualTo(2);
            assertThat(p.cause()).startsWith("refused by the database");
        });
        assertThat(appliedCount(before, after)).isEqualTo(2);
        assertThat(offsets.all(group, TOPIC).block(TIMEOUT)).isEqualTo(Map.of(4, 3L));
    }

    @Test
    void eachReadModelSeesTheBatchOnceInLogOrder() {
        AtomicInteger calls = new AtomicInteger();
        List<List<String>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ReadModelUpdate<String> recording = notes -> Mono.fromRunnable(() -> {
            calls.incrementAndGet();
            seen.add(notes);
        });

        projector(recording).project(List.of(record(5, 1, "x"), record(6, 1, "y"), record(5, 2, "z"))).block(TIMEOUT);

        assertThat(calls).hasValue(1);
        assertThat(seen).containsExactly(List.of("x", "y", "z"));
    }

    private EventProjector<String> projector(ReadModelUpdate<String> update) {
        return new EventProjector<>(List.of(update), offsets, transaction);
    }

    private static ReadModelUpdate<String> insertNotes() {
        return notes -> db.sql("INSERT INTO support_it.notes (note, applied) SELECT n, 1 FROM unnest(CAST(:notes AS varchar[])) AS n"
                        + " ON CONFLICT (note) DO UPDATE SET applied = support_it.notes.applied + 1")
                .bind("notes", notes.toArray(String[]::new)).then();
    }

    private EventRecord<String> record(int partition, long offset, String note) {
        return EventRecord.of(position(partition, offset), "m-" + offset, "tenant-a", Optional.of(note));
    }

    private RecordPosition position(int partition, long offset) {
        return new RecordPosition(group, TOPIC, partition, offset);
    }

    /** Never starts with "bad" (the CHECK's poison marker), as a bare UUID does once in 4,096. */
    private static String note() {
        return "ok-" + UUID.randomUUID();
    }

    /** Sum of the notes' application counts: a note applied twice counts twice. */
    private static long appliedCount(String... notes) throws SQLException {
        return count("SELECT coalesce(sum(applied), 0) FROM support_it.notes WHERE note IN ('"
                + String.join("','", notes) + "')");
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
