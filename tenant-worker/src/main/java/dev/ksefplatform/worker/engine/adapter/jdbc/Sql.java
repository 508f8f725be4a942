package dev.ksefplatform.worker.engine.adapter.jdbc;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;

/** Values in the shapes the PostgreSQL driver binds (it takes Java arrays for {@code text[]} and {@code int[]}). */
public final class Sql {

    private Sql() {
    }

    /**
     * A query whose results come in binary from its first execution on a connection, for the reads that carry
     * documents. The driver asks for text until a statement has run {@code prepareThreshold} (5) times on a connection
     * and while it stays in that connection's statement cache; a {@code bytea} in text is hex, twice its size, decoded
     * byte by byte (the cost benchmark's JFR recording of 2026-12-07: 7 % of the worker's samples decoded the XML the
     * lanes send). A negative threshold is pgjdbc's switch for binary at once (one describe per connection first).
     */
    public static PreparedStatementCreator binaryResults(String sql, Object... args) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            new ArgumentPreparedStatementSetter(args).setValues(statement);
            return statement;
        };
    }

    public static String[] textArray(List<String> values) {
        return values.toArray(String[]::new);
    }

    public static Integer[] intArray(Integer[] values) {
        return values;
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
