package dev.ksefplatform.support.projection.adapter.r2dbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Many rows as one statement: each column travels as one array parameter and {@code unnest} turns them back into
 * rows, so a batch of any size costs one round trip; R2DBC sends a statement's bindings one by one otherwise
 * (figures in the module README, from {@code bench/BatchInsertBenchmark}). Column names are spliced into SQL, so
 * they must be constants of the caller, never input.
 *
 * <pre>{@code
 * BatchRows<Row> rows = BatchRows.of(list).text("id", Row::id).timestamp("at", Row::at);
 * rows.bind(db.sql("INSERT INTO s.t (" + rows.names() + ") " + rows.select() + " ON CONFLICT DO NOTHING")).then();
 * }</pre>
 */
public final class BatchRows<T> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<T> rows;
    private final List<Column> columns = new ArrayList<>();

    private BatchRows(List<T> rows) {
        this.rows = List.copyOf(rows);
    }

    public static <T> BatchRows<T> of(List<T> rows) {
        return new BatchRows<>(rows);
    }

    public BatchRows<T> text(String name, Function<T, String> value) {
        return add(name, "text", "%s", String.class, value);
    }

    public BatchRows<T> integer(String name, Function<T, Integer> value) {
        return add(name, "integer", "%s", Integer.class, value);
    }

    public BatchRows<T> bigint(String name, Function<T, Long> value) {
        return add(name, "bigint", "%s", Long.class, value);
    }

    public BatchRows<T> bool(String name, Function<T, Boolean> value) {
        return add(name, "boolean", "%s", Boolean.class, value);
    }

    public BatchRows<T> numeric(String name, Function<T, BigDecimal> value) {
        return add(name, "numeric", "%s", BigDecimal.class, value);
    }

    public BatchRows<T> date(String name, Function<T, LocalDate> value) {
        return add(name, "date", "%s", LocalDate.class, value);
    }

    public BatchRows<T> timestamp(String name, Function<T, Instant> value) {
        return add(name, "timestamptz", "%s", OffsetDateTime.class,
                row -> value.andThen(at -> at == null ? null : at.atOffset(ZoneOffset.UTC)).apply(row));
    }

    /** Bytes travel as Base64 text and are decoded by the server. */
    public BatchRows<T> bytes(String name, Function<T, byte[]> value) {
        return add(name, "text", "decode(%s, 'base64')", String.class,
                row -> value.andThen(b -> b == null ? null : Base64.getEncoder().encodeToString(b)).apply(row));
    }

    /**
     * A {@code text[]} column: arrays of arrays cannot be unnested, so each list travels as JSON; a null list is
     * stored as an empty array, without the cost of a subquery.
     */
    public BatchRows<T> textArray(String name, Function<T, List<String>> value) {
        return add(name, "text", "CASE WHEN %1$s IS NULL THEN CAST('{}' AS text[])"
                        + " ELSE ARRAY(SELECT jsonb_array_elements_text(CAST(%1$s AS jsonb))) END", String.class,
                row -> json(value.apply(row)));
    }

    /** The column names, for the INSERT's column list. */
    public String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** {@code SELECT <columns> FROM unnest(<arrays>) AS v(<names>)}. */
    public String select() {
        String selected = columns.stream().map(c -> String.format(c.expression(), "v." + c.name()))
                .collect(Collectors.joining(", "));
        String arrays = columns.stream().map(c -> "CAST(:" + c.name() + " AS " + c.sqlType() + "[])")
                .collect(Collectors.joining(", "));
        return "SELECT " + selected + " FROM unnest(" + arrays + ") AS v(" + names() + ")";
    }

    public GenericExecuteSpec bind(GenericExecuteSpec spec) {
        GenericExecuteSpec bound = spec;
        for (Column column : columns) {
            bound = bound.bind(column.name(), column.values());
        }
        return bound;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    private <V> BatchRows<T> add(String name, String sqlType, String expression, Class<V> type,
                                 Function<T, ? extends V> value) {
        Object values = Array.newInstance(type, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Array.set(values, i, value.apply(rows.get(i)));
        }
        columns.add(new Column(name, sqlType, expression, values));
        return this;
    }

    private static String json(List<String> values) {
        try {
            return values == null ? null : JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a list of strings as JSON", e);
        }
    }

    private record Column(String name, String sqlType, String expression, Object values) {
    }
}
