package dev.ksefplatform.commandapi.bench;

import dev.ksefplatform.commandapi.Invoices;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.testsupport.RetainedHeap;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.netty.http.client.HttpClient;

/**
 * Heap retained per invoice in flight in the gateway (issue #8): the heap used after a full GC while {@code inFlight}
 * (400) POSTs of 5 KB invoices are held between their body's arrival and their 202, minus the same with none.
 * {@code gateway.commands} is locked ({@code LOCK TABLE … IN EXCLUSIVE MODE}), so each request waits at its INSERT
 * with its body, its inspected document and its submission (10 on pool connections, the rest queued for one); the
 * requests come from {@link HeldRequests} in a process of its own. Then the event-log watcher's share
 * ({@link EventLogHeap}). Whole-JVM heap: the embedded broker shares it. Each repeated {@code runs} (3) times after a
 * {@code warmup} (30 s at 100 req/s). Prints figures, asserts nothing; {@code -Dbench.histogram=true} also the classes
 * that grew (figures then high, see {@link RetainedHeap}). Command: command-api/README.md, <i>Memory per in-flight
 * invoice</i>.
 */
public final class RequestHeapBenchmark {

    private RequestHeapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int inFlight = Integer.getInteger("inFlight", 400);
        EmbeddedPostgres postgres = EmbeddedPostgres.get();
        // the outbox relay's FOR UPDATE would also wait on the lock, holding a pool connection; an API key looked up
        // again (its cache entry expired) would queue for a connection behind the held INSERTs, before inspection
        ConfigurableApplicationContext app = GatewayLoadBenchmark.start(postgres, EmbeddedKafka.get().bootstrapServers(),
                "--commandapi.submission.outbox.interval=1h", "--commandapi.api-keys.cache-ttl=1h");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient http = GatewayLoadBenchmark.client(port);
        List<GatewayLoadBenchmark.Tenant> tenants = GatewayLoadBenchmark.register(http, 100);
        byte[][] parts = Invoices.fiveKilobyteParts();
        OpenLoop.run(100, Duration.ofSeconds(Long.getLong("warmup", 30)),
                i -> GatewayLoadBenchmark.submit(http, tenants.get(i % tenants.size()), parts, i));
        Path tenantFile = Files.createTempFile("tenants", ".txt"); // the bench's own API keys, for HeldRequests
        tenantFile.toFile().deleteOnExit();
        Files.write(tenantFile, tenants.stream().map(t -> t.id() + " " + t.nip() + " " + t.apiKey()).toList());
        ConnectionPool pool = (ConnectionPool) app.getBean(ConnectionFactory.class);
        for (int run = 1; run <= Integer.getInteger("runs", 3); run++) {
            double load = load();
            double perInvoice = heldAtInsert(postgres, pool, port, inFlight, tenantFile);
            System.out.printf("FIGURE command-api heap per in-flight invoice: %,.0f bytes (%d requests held at the"
                    + " INSERT, run %d, load %.2f -> %.2f)%n", perInvoice, inFlight, run, load, load());
        }
        for (int run = 1; run <= Integer.getInteger("runs", 3); run++) {
            double load = load();
            double perInvoice = EventLogHeap.perInvoice(postgres, EmbeddedKafka.get().bootstrapServers(),
                    tenants.stream().map(GatewayLoadBenchmark.Tenant::id).toList(), 1_000);
            System.out.printf("FIGURE command-api event-log watcher heap per invoice: %,.0f bytes (1000 invoices' %d"
                    + " events fetched, the batch's UPDATE waiting; run %d, load %.2f -> %.2f)%n", perInvoice,
                    EventLogHeap.EVENTS * 1_000, run, load, load());
        }
        app.close();
        System.exit(0);
    }

    private static double heldAtInsert(EmbeddedPostgres postgres, ConnectionPool pool, int port, int count,
                                       Path tenants) throws Exception {
        Process client;
        RetainedHeap none;
        RetainedHeap held;
        try (Connection lock = postgres.connect(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("LOCK TABLE gateway.commands IN EXCLUSIVE MODE");
            none = RetainedHeap.take();
            client = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), HeldRequests.class.getName(),
                    Integer.toString(port), Integer.toString(count), tenants.toString()).inheritIO().start();
            awaitWaiting(pool, count);
            sleep(2_000);
            held = RetainedHeap.take();
            System.out.printf("HEAP after full GC: %,d bytes with nothing in flight, %,d with %,d requests waiting"
                    + " (pool: %s)%n", none.used(), held.used(), count, describe(pool.getMetrics().orElseThrow()));
            lock.rollback();
        }
        held.growth(none, count, 15).forEach(System.out::println);
        client.waitFor();
        return held.perItem(none, count);
    }

    /** Until every request waits at its INSERT: on a pool connection or queued for one. */
    private static void awaitWaiting(ConnectionPool pool, int count) {
        PoolMetrics metrics = pool.getMetrics().orElseThrow();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (int i = 1; metrics.acquiredSize() + metrics.pendingAcquireSize() < count; i++) {
            if (i % 100 == 0) {
                System.out.println("waiting: " + describe(metrics));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + describe(metrics) + " after 2 minutes");
            }
            sleep(50);
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String describe(PoolMetrics m) {
        return m.acquiredSize() + " acquired, " + m.pendingAcquireSize() + " pending, " + m.allocatedSize()
                + " allocated of " + m.getMaxAllocatedSize() + ", at most " + m.getMaxPendingAcquireSize() + " pending";
    }
}
