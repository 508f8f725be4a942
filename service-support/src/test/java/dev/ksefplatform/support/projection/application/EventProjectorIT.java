package dev.ksefplatform.support.projection.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.support.projection.adapter.r2dbc.R2dbcAppliedOffsets;
import dev.ksefplatform.support.projection.domain.RecordPosition;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The exactly-once core over real PostgreSQL: a read-model row and its offset commit or roll back together. */
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
        execute("CREATE TABLE IF NOT EXISTS support_it.notes (note varchar(255) PRIMARY KEY)");
        EmbeddedPostgres postgres = EmbeddedPostgres.get();
        PostgresqlConnectionFactory connections = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration
                .builder().host(postgres.host()).port(postgres.port()).database(postgres.database())
                .username(postgres.username()).password(postgres.password()).build());
        db = DatabaseClient.create(connections);
        transaction = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        offsets = new R2dbcAppliedOffsets(db, "support_it");
    }

    @Test
    void newRecordIsAppliedAndItsOffsetStored() throws SQLException {
        String note = UUID.randomUUID().toString();

        Boolean applied = projector(insertNote()).project(position(0, 5), Optional.of(note)).block(TIMEOUT);

        assertThat(applied).isTrue();
        assertThat(count("SELECT count(*) FROM support_it.notes WHERE note = '" + note + "'")).isEqualTo(1);
        assertThat(offsets.all(group, TOPIC).block(TIMEOUT)).isEqualTo(Map.of(0, 5L));
    }

    @Test
    void redeliveredRecordAtOrBelowTheStoredOffsetIsSkipped() throws SQLException {
        EventProjector<String> projector = projector(insertNote());
        projector.project(position(1, 7), Optional.of(UUID.randomUUID().toString())).block(TIMEOUT);
        String again = UUID.randomUUID().toString();

        Boolean sameOffset = projector.project(position(1, 7), Optional.of(again)).block(TIMEOUT);
        Boolean earlierOffset = projector.project(position(1, 3), Optional.of(again)).block(TIMEOUT);

        assertThat(sameOffset).isFalse();
        assertThat(earlierOffset).isFalse();
        assertThat(count("SELECT count(*) FROM support_it.notes WHERE note = '" + again + "'")).isZero();
        assertThat(offsets.all(group, TOPIC).block(TIMEOUT)).isEqualTo(Map.of(1, 7L));
    }

    @Test
    void failedUpdateRollsBackTheRowAndLeavesTheOffsetUnstored() throws SQLException {
        String note = UUID.randomUUID().toString();
        ReadModelUpdate<String> failsAfterWriting = event -> insertNote().apply(event)
                .then(Mono.error(new IllegalStateException("read model down")));

        Mono<Boolean> attempt = projector(failsAfterWriting).project(position(2, 9), Optional.of(note));

        assertThatThrownBy(() -> attempt.block(TIMEOUT)).hasMessageContaining("read model down");
        assertThat(count("SELECT count(*) FROM support_it.notes WHERE note = '" + note + "'")).isZero();
        assertThat(offsets.all(group, TOPIC).block(TIMEOUT)).isEmpty();
    }

    @Test
    void recordOfNoInterestStillAdvancesTheOffset() {
        Boolean applied = projector(insertNote()).project(position(3, 11), Optional.empty()).block(TIMEOUT);

        assertThat(applied).isTrue();
        assertThat(offsets.all(group, TOPIC).block(TIMEOUT)).isEqualTo(Map.of(3, 11L));
    }

    private EventProjector<String> projector(ReadModelUpdate<String> update) {
        return new EventProjector<>(List.of(update), offsets, transaction);
    }

    private static ReadModelUpdate<String> insertNote() {
        return note -> db.sql("INSERT INTO support_it.notes (note) VALUES (:note)").bind("note", note).then();
    }

    private RecordPosition position(int partition, long offset) {
        return new RecordPosition(group, TOPIC, partition, offset);
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
