package dev.ksefplatform.support.projection.adapter.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.ksefplatform.support.projection.application.RecordFaults;
import org.springframework.r2dbc.core.DatabaseClient;

/** Rows go in through one {@code unnest} statement and come out exactly as they were, nulls included. */
class BatchRowsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static DatabaseClient db;

    record Row(String id, Integer n, Long l, Boolean flag, BigDecimal amount, LocalDate day, Instant at, byte[] bytes,
               List<String> tags) {
    }

    @BeforeAll
    static void database() throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS support_rows_it");
            statement.execute("CREATE TABLE IF NOT EXISTS support_rows_it.rows (id varchar(40) PRIMARY KEY, n integer,"
                    + " l bigint, flag boolean, amount numeric, day date, at timestamptz, bytes bytea, tags text[])");
        }
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        db = DatabaseClient.create(new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(pg.host()).port(pg.port()).database(pg.database()).username(pg.username())
                .password(pg.password()).build()));
    }

    @Test
    void everyColumnTypeRoundTripsExactly() {
        Row full = new Row(UUID.randomUUID().toString(), 7, 1L << 40, true, new BigDecimal("27292.28"),
                LocalDate.of(2026, 11, 20), Instant.parse("2026-11-21T08:00:00.123Z"),
                new byte[] {0, 1, (byte) 0xFF, '<'}, List.of("a,b", "\"quoted\"", "zażółć"));
        Row empty = new Row(UUID.randomUUID().toString(), null, null, null, null, null, null, null, List.of());

        insert(List.of(full, empty));

        Map<String, Object> stored = select(full.id());
        assertThat(stored).containsEntry("n", 7).containsEntry("l", 1L << 40).containsEntry("flag", true)
                .containsEntry("amount", new BigDecimal("27292.28")).containsEntry("day", LocalDate.of(2026, 11, 20));
        assertThat(((OffsetDateTime) stored.get("at")).toInstant()).isEqualTo(full.at());
        assertThat(bytes((ByteBuffer) stored.get("bytes"))).isEqualTo(full.bytes());
        assertThat(Arrays.asList((String[]) stored.get("tags"))).isEqualTo(full.tags());
        assertThat(select(empty.id())).containsEntry("n", null).containsEntry("amount", null).containsEntry("bytes", null);
    }

    @Test
    void valueTooLongForItsColumnIsAFaultOfTheRecord() {
        Row tooLong = new Row("x".repeat(41), 1, 1L, false, BigDecimal.ONE, null, null, null, List.of());

        assertThatThrownBy(() -> insert(List.of(tooLong))).satisfies(e -> assertThat(RecordFaults.isInTheRecord(e)).isTrue());
    }

    private static void insert(List<Row> rows) {
        BatchRows<Row> batch = BatchRows.of(rows).text("id", Row::id).integer("n", Row::n).bigint("l", Row::l)
                .bool("flag", Row::flag).numeric("amount", Row::amount).date("day", Row::day).timestamp("at", Row::at)
                .bytes("bytes", Row::bytes).textArray("tags", Row::tags);
        batch.bind(db.sql("INSERT INTO support_rows_it.rows (" + batch.names() + ") " + batch.select())).then()
                .block(TIMEOUT);
    }

    private static Map<String, Object> select(String id) {
        return db.sql("SELECT * FROM support_rows_it.rows WHERE id = :id").bind("id", id).fetch().one().block(TIMEOUT);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

}
