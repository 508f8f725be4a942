package dev.ksefplatform.worker.engine.adapter.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Values in the shapes the PostgreSQL driver binds (it takes Java arrays for {@code text[]} and {@code int[]}). */
public final class Sql {

    private Sql() {
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
