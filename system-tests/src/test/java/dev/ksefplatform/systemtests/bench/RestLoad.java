package dev.ksefplatform.systemtests.bench;

import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.deploy.SampleInvoices;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * {@code POST /api/v1/invoices} at a fixed offered rate whatever the answers do (open loop), tenants in turn; each
 * latency counts from the instant the request was due, so a stalled gateway is charged for the requests it delayed.
 * The client is reactor-netty on one event loop (as command-api's own load benchmark): cheap per request, so the
 * benchmark takes little of the CPU it measures. A request unanswered after {@link #TIMEOUT} counts as status 0.
 */
final class RestLoad {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern COMMAND_ID = Pattern.compile("\"commandId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http;
    private final List<Tenant> tenants;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger numbers = new AtomicInteger();

    RestLoad(String commandApiUrl, List<Tenant> tenants) {
        ConnectionProvider connections = ConnectionProvider.builder("bench-client").maxConnections(1024)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(TIMEOUT).build();
        this.http = HttpClient.create(connections).runOn(LoopResources.create("bench-client", 1, true))
                .baseUrl(commandApiUrl);
        this.tenants = tenants;
    }

    /** What one window of load got. */
    record Result(int rate, int sent, double sendSeconds, double seconds, long[] sortedLatencies,
                  Map<String, Tenant> accepted, Map<Integer, Integer> refused) {

        double percentileMillis(double p) {
            int index = (int) Math.ceil(p * sortedLatencies.length) - 1;
            return sortedLatencies[Math.max(0, Math.min(sortedLatencies.length - 1, index))] / 1e6;
        }

        double achievedRate() {
            return sent / sendSeconds;
        }
    }

    /** An answer: status (0 = none within the timeout) and body. */
    private record Answer(int status, String body) {
    }

    /** Sends {@code count} invoices at {@code rate} per second and waits for every answer. */
    Result run(int rate, int count) {
        Tenant[] owners = new Tenant[count];
        byte[][] bodies = new byte[count][];
        for (int i = 0; i < count; i++) {
            int n = numbers.getAndIncrement();
            owners[i] = tenants.get(n % tenants.size());
            bodies[i] = SampleInvoices.fa3(owners[i].nip(), "COST/" + run + "/" + n, LocalDate.now());
        }
        long[] latencies = new long[count];
        Map<String, Tenant> accepted = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();
        CountDownLatch answered = new CountDownLatch(count);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            post(owners[i], bodies[i]).subscribe(answer -> {
                latencies[index] = System.nanoTime() - due;
                Matcher id = COMMAND_ID.matcher(answer.body());
                if (answer.status() == 202 && id.find()) {
                    accepted.put(id.group(1), owners[index]);
                } else {
                    refused.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                }
                answered.countDown();
            });
        }
        long sent = System.nanoTime();
        await(answered);
        Arrays.sort(latencies);
        Map<Integer, Integer> refusals = new TreeMap<>();
        refused.forEach((status, n) -> refusals.put(status, n.get()));
        return new Result(rate, count, (sent - start) / 1e9, (System.nanoTime() - start) / 1e9, latencies, accepted, refusals);
    }

    private Mono<Answer> post(Tenant tenant, byte[] xml) {
        return http.headers(h -> h.add("X-API-Key", tenant.apiKey()).add("Content-Type", "application/xml"))
                .post().uri("/api/v1/invoices").send(Mono.just(Unpooled.wrappedBuffer(xml)))
                .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                        .map(text -> new Answer(response.status().code(), text)))
                .timeout(TIMEOUT).onErrorReturn(new Answer(0, ""));
    }

    private static void await(CountDownLatch answered) {
        try {
            if (!answered.await(TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS)) {
                throw new IllegalStateException(answered.getCount() + " requests neither answered nor timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static int invoiceBytes(Tenant tenant) {
        return SampleInvoices.fa3(tenant.nip(), "COST/xxxxxxxx/0000", LocalDate.now()).length;
    }
}
