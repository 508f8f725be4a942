package dev.ksefplatform.support.bench;

import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How a projector should write a batch of rows over R2DBC: one {@code unnest} statement ({@link BatchRows}), one
 * statement per row, or one statement with many bindings ({@code Statement.add()}); with a connection pool and
 * without. Embedded PostgreSQL, 1,000-row batches in one transaction each, three rounds after a warm-up round.
 * Prints rows/s; asserts nothing. Run: {@code java -cp <service-support test classpath> ...BatchInsertBenchmark}.
 */
public final class BatchInsertBenchmark {

    private static final int BATCH = 1_000;
    private static final int ROWS = 20_000;

    record Row(String id, long number, Instant at) {
    }

    private BatchInsertBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS insert_bench CASCADE");
            s.execute("CREATE SCHEMA insert_bench");
            s.execute("CREATE TABLE insert_bench.rows (id text PRIMARY KEY, number bigint, at timestamptz)");
        }
        ConnectionFactory plain = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(pg.host()).port(pg.port()).database(pg.database()).username(pg.username())
                .password(pg.password()).build());
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(plain).maxSize(4).build());
        for (int round = 0; round < 4; round++) {
            String label = round == 0 ? "warm-up" : "round " + round;
            report(label, "unnest, pooled", measure(pool, BatchInsertBenchmark::unnest));
            report(label, "unnest, no pool", measure(plain, BatchInsertBenchmark::unnest));
            report(label, "one statement per row, pooled", measure(pool, BatchInsertBenchmark::perRow));
            report(label, "Statement.add() bindings, pooled", measure(pool, BatchInsertBenchmark::bindings));
        }
        System.out.printf("LOAD average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(0);
    }

    private static double measure(ConnectionFactory connections, Function<DatabaseClient, Function<List<Row>, Mono<Void>>> how) {
        DatabaseClient db = DatabaseClient.create(connections);
        TransactionalOperator transaction = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        Function<List<Row>, Mono<Void>> write = how.apply(db);
        long start = System.nanoTime();
        Flux.range(0, ROWS / BATCH).concatMap(i -> write.apply(rows()).as(transaction::transactional)).blockLast();
        return ROWS / ((System.nanoTime() - start) / 1e9);
    }

    private static Function<List<Row>, Mono<Void>> unnest(DatabaseClient db) {
        return rows -> {
            BatchRows<Row> batch = BatchRows.of(rows).text("id", Row::id).bigint("number", Row::number)
                    .timestamp("at", Row::at);
            return batch.bind(db.sql("INSERT INTO insert_bench.rows (" + batch.names() + ") " + batch.select())).then();
        };
    }

    private static Function<List<Row>, Mono<Void>> perRow(DatabaseClient db) {
        return rows -> Flux.fromIterable(rows).concatMap(r -> db.sql(
                        "INSERT INTO insert_bench.rows (id, number, at) VALUES (:id, :number, :at)")
                .bind("id", r.id()).bind("number", r.number()).bind("at", r.at().atOffset(ZoneOffset.UTC)).then()).then();
    }

    private static Function<List<Row>, Mono<Void>> bindings(DatabaseClient db) {
        return rows -> db.inConnectionMany(connection -> {
            io.r2dbc.spi.Statement statement = connection.createStatement(
                    "INSERT INTO insert_bench.rows (id, number, at) VALUES ($1, $2, $3)");
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0) {
                    statement.add();
                }
                statement.bind(0, rows.get(i).id()).bind(1, rows.get(i).number())
                        .bind(2, rows.get(i).at().atOffset(ZoneOffset.UTC));
            }
            return Flux.from(statement.execute()).flatMap(result -> result.getRowsUpdated());
        }).then();
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            rows.add(new Row(UUID.randomUUID().toString(), i, Instant.now()));
        }
        return rows;
    }

    private static void report(String round, String how, double rowsPerSecond) {
        System.out.printf("%-8s %-34s %,8.0f rows/s%n", round, how, rowsPerSecond);
    }
}
