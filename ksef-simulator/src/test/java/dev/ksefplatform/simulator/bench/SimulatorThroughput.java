package dev.ksefplatform.simulator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.ksef.client.BatchInvoice;
import dev.ksefplatform.ksef.client.BatchSubmission;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.ksef.client.SentInvoice;
import dev.ksefplatform.ksef.client.SessionStatus;
import dev.ksefplatform.simulator.support.Invoices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A harness for the simulator's throughput as the platform's benchmarks see it (the simulator in its own process,
 * rate limits off): a 10,000-invoice batch from close to status 200 while invoice statuses are read, online sends
 * from four sessions at once, and seeding 100,000 inbox invoices. Each figure is printed beside its ceiling measured
 * in the same run: status reads while idle; an authenticated no-op call from the same four threads. Run with
 * {@code ksef-simulator/throughput.sh}; argument: the simulator's base URL ({@code http://host:port}).
 */
public final class SimulatorThroughput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int BATCH = 10_000;
    private static final int THREADS = 4;
    private static final int PER_THREAD = 250;

    private final URI root;
    private final KsefClient ksef;

    private SimulatorThroughput(URI root) {
        this.root = root;
        this.ksef = KsefClient.builder().baseUri(root.resolve("/v2")).uploadParallelism(4).build();
    }

    public static void main(String[] args) throws Exception {
        new SimulatorThroughput(URI.create(args[0])).run();
    }

    private void run() throws Exception {
        String nip = Invoices.randomNip();
        String access = login(nip);
        OnlineSession probeSession = ksef.onlineSessions().open(access, FormCode.FA3);
        SentInvoice probe = probeSession.send(Invoices.fa3(nip, "PROBE/1"));
        Runnable readStatus = () -> ksef.onlineSessions().invoiceStatus(access, probeSession.referenceNumber(),
                probe.referenceNumber());
        online(nip, access, 1, 100); // warm-up of both sides
        try (Latencies warmUp = new Latencies(readStatus)) {
            Thread.sleep(3_000);
        }
        idle(readStatus, "before");
        batch(nip, access, readStatus);
        idle(readStatus, "after");
        online(nip, access, THREADS, PER_THREAD);
        seed(100_000);
        probeSession.close();
    }

    /** The ceiling of status reads: the same probe with nothing else going on. */
    private static void idle(Runnable readStatus, String when) throws InterruptedException {
        try (Latencies idle = new Latencies(readStatus)) {
            Thread.sleep(5_000);
            idle.close();
            System.out.println("FIGURE status reads, idle " + when + " the batch (ceiling): " + idle.summary());
        }
    }

    private void batch(String nip, String access, Runnable readStatus) throws Exception {
        List<BatchInvoice> invoices = new ArrayList<>();
        for (int i = 1; i <= BATCH; i++) {
            invoices.add(BatchInvoice.of("fv-" + i + ".xml", Invoices.fa3(nip, "BATCH/" + i)));
        }
        long t0 = System.nanoTime();
        BatchSubmission submission = ksef.batchSessions().submit(access, FormCode.FA3, invoices);
        long closed = System.nanoTime();
        SessionStatus done;
        try (Latencies during = new Latencies(readStatus)) {
            done = ksef.batchSessions().awaitProcessed(access, submission.referenceNumber(), Duration.ofMinutes(10));
            long processed = System.nanoTime();
            during.close();
            System.out.printf("FIGURE batch of %d: upload+close %.1f s, processing (close -> %d, %d accepted) %.1f s "
                            + "= %.2f ms per invoice%n", BATCH, (closed - t0) / 1e9, done.code(),
                    done.successfulInvoiceCount(), (processed - closed) / 1e9, (processed - closed) / 1e6 / BATCH);
            System.out.println("FIGURE status reads during the batch: " + during.summary());
        }
    }

    private void online(String nip, String access, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<String>> sessions = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int lane = t;
            sessions.add(pool.submit(() -> sendAll(nip, access, lane, perThread)));
        }
        List<String> references = new ArrayList<>();
        for (Future<String> session : sessions) {
            references.add(session.get());
        }
        long sent = System.nanoTime();
        for (String reference : references) {
            awaitFinal(access, reference);
        }
        long decided = System.nanoTime();
        int total = threads * perThread;
        if (threads > 1) {
            System.out.printf("FIGURE online: %d invoices from %d sessions: sent %.0f/s, all decided %.0f/s%n", total,
                    threads, total / ((sent - t0) / 1e9), total / ((decided - t0) / 1e9));
            System.out.printf("FIGURE no-op authenticated calls from %d threads (ceiling): %.0f/s%n", threads,
                    noOps(pool, access, threads, perThread));
        }
        pool.shutdown();
    }

    private String sendAll(String nip, String access, int lane, int count) {
        try (OnlineSession session = ksef.onlineSessions().open(access, FormCode.FA3)) {
            for (int i = 0; i < count; i++) {
                session.send(Invoices.fa3(nip, "ON/" + lane + "/" + System.nanoTime() + "/" + i));
            }
            return session.referenceNumber();
        }
    }

    private void awaitFinal(String access, String session) throws InterruptedException {
        while (ksef.onlineSessions().sessionStatus(access, session).code() < 200) {
            Thread.sleep(20);
        }
    }

    private double noOps(ExecutorService pool, String access, int threads, int perThread) throws Exception {
        long t0 = System.nanoTime();
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            calls.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    ksef.limits().rateLimits(access);
                }
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        return threads * perThread / ((System.nanoTime() - t0) / 1e9);
    }

    private void seed(int count) throws Exception {
        String buyer = Invoices.randomNip();
        long t0 = System.nanoTime();
        HttpResponse<String> seeded = post("/sim/v1/inbox/seed", Map.of("buyerNip", buyer, "count", count));
        System.out.printf("FIGURE seeding %d inbox invoices: %.1f s (HTTP %d)%n", count,
                (System.nanoTime() - t0) / 1e9, seeded.statusCode());
    }

    private String login(String nip) throws Exception {
        HttpResponse<String> created = post("/sim/v1/ksef-tokens", Map.of("contextNip", nip,
                "permissions", List.of("InvoiceWrite", "InvoiceRead")));
        String token = JSON.readTree(created.body()).get("token").asText();
        return ksef.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token).accessToken().token();
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(root.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
