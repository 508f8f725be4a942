package dev.ksefplatform.support.projection.adapter.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/** Parameters sent in binary arrive as the same values, of the same types, as the driver's text would have. */
class BinaryParametersIT {

    private static final EmbeddedPostgres PG = EmbeddedPostgres.get();
    private static final DatabaseClient DB = client(true);
    private static final DatabaseClient DRIVERS_OWN = client(false);

    private static DatabaseClient client(boolean binary) {
        PostgresqlConnectionConfiguration.Builder builder = PostgresqlConnectionConfiguration.builder().host(PG.host())
                .port(PG.port()).database(PG.database()).username(PG.username()).password(PG.password());
        return DatabaseClient.create(new PostgresqlConnectionFactory(
                binary ? builder.extendWith(new BinaryParameters()).build() : builder.build()));
    }

    @Test
    void storesEveryByteValueExactlyAsGiven() {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }

        List<String> read = byteaRead(DB, bytes);

        assertThat(read).containsExactly(HexFormat.of().formatHex(bytes), "bytea").isEqualTo(byteaRead(DRIVERS_OWN, bytes));
    }

    private static List<String> byteaRead(DatabaseClient db, byte[] bytes) {
        return db.sql("SELECT encode(:b, 'hex') AS hex, pg_typeof(:b)::text AS type").bind("b", ByteBuffer.wrap(bytes))
                .map(row -> List.of(row.get("hex", String.class), row.get("type", String.class))).one().block();
    }

    @Test
    void sendsTextArraysElementForElementNullsIncluded() {
        String[] values = {"a,b", "\"quoted\"", "back\\slash", "{braces}", "zażółć", "", null, "NULL", " spaced "};

        String sql = "SELECT CAST(:a AS text[]) = ARRAY['a,b', '\"quoted\"', 'back\\slash', '{braces}',"
                        + " 'zażółć', '', NULL, 'NULL', ' spaced ']::text[] IS NOT FALSE AS same,"
                + " array_to_json(CAST(:a AS text[]))::text AS json, pg_typeof(:a)::text AS type";

        List<String> read = arrayRead(DB, sql, values);

        assertThat(read).containsExactly("true",
                "[\"a,b\",\"\\\"quoted\\\"\",\"back\\\\slash\",\"{braces}\",\"zażółć\",\"\",null,\"NULL\",\" spaced \"]",
                "text[]").isEqualTo(arrayRead(DRIVERS_OWN, sql, values));
    }

    private static List<String> arrayRead(DatabaseClient db, String sql, String[] values) {
        return db.sql(sql).bind("a", values).map(row -> List.of(String.valueOf(row.get("same", Boolean.class)),
                row.get("json", String.class), row.get("type", String.class))).one().block();
    }

    @Test
    void sendsAnEmptyArrayAndUnnestsABatch() {
        Long empty = DB.sql("SELECT cardinality(CAST(:a AS text[])) AS n").bind("a", new String[0])
                .map(row -> row.get("n", Long.class)).one().block();
        List<String> rows = DB.sql("SELECT v FROM unnest(CAST(:a AS text[])) WITH ORDINALITY AS u(v, i) ORDER BY i")
                .bind("a", new String[] {"x", "y", "z"}).map(row -> row.get("v", String.class)).all().collectList().block();

        assertThat(empty).isZero();
        assertThat(rows).containsExactly("x", "y", "z");
    }

    @Test
    void sendsTimestampArraysAsTheSameInstants() {
        OffsetDateTime[] values = {OffsetDateTime.parse("2026-11-21T08:00:00.123Z"),
                OffsetDateTime.parse("2026-03-29T02:30:00.000001+02:00"), null,
                OffsetDateTime.parse("1970-01-01T00:00:00Z"), OffsetDateTime.parse("1899-12-31T23:59:59.999999Z")};
        String sql = "SELECT array_agg(to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') ORDER BY i)::text"
                + " AS json, min(pg_typeof(:a)::text) AS type FROM unnest(CAST(:a AS timestamptz[])) WITH ORDINALITY AS u(t, i)";

        List<String> read = timestampRead(DB, sql, values);

        assertThat(read).isEqualTo(timestampRead(DRIVERS_OWN, sql, values));
        assertThat(read.get(0)).isEqualTo("{2026-11-21T08:00:00.123000,2026-03-29T00:30:00.000001,NULL,"
                + "1970-01-01T00:00:00.000000,1899-12-31T23:59:59.999999}");
    }

    private static List<String> timestampRead(DatabaseClient db, String sql, OffsetDateTime[] values) {
        return db.sql(sql).bind("a", values)
                .map(row -> List.of(row.get("json", String.class), row.get("type", String.class))).one().block();
    }
}
