package dev.ksefplatform.systemtests.bench;

import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.deploy.SampleInvoices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * {@code POST /api/v1/invoices} at a fixed offered rate whatever the answers do (open loop), tenants in turn; each
 * latency counts from the instant the request was due, so a stalled gateway is charged for the requests it delayed.
 */
final class RestLoad {

    private static final Pattern COMMAND_ID = Pattern.compile("\"commandId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI invoices;
    private final List<Tenant> tenants;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger numbers = new AtomicInteger();

    RestLoad(String commandApiUrl, List<Tenant> tenants) {
        this.invoices = URI.create(commandApiUrl + "/api/v1/invoices");
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

    /** Sends {@code count} invoices at {@code rate} per second and waits for every answer (at most a minute more). */
    Result run(int rate, int count) {
        HttpRequest[] requests = new HttpRequest[count];
        Tenant[] owners = new Tenant[count];
        for (int i = 0; i < count; i++) {
            owners[i] = tenants.get(numbers.get() % tenants.size());
            requests[i] = request(owners[i], numbers.getAndIncrement());
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
            http.sendAsync(requests[i], HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                latencies[index] = System.nanoTime() - due;
                int status = failure == null ? response.statusCode() : 0;
                Matcher id = COMMAND_ID.matcher(failure == null ? response.body() : "");
                if (status == 202 && id.find()) {
                    accepted.put(id.group(1), owners[index]);
                } else {
                    refused.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
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

    private HttpRequest request(Tenant tenant, int n) {
        byte[] xml = SampleInvoices.fa3(tenant.nip(), "COST/" + run + "/" + n, LocalDate.now());
        return HttpRequest.newBuilder(invoices).timeout(Duration.ofSeconds(30)).header("X-API-Key", tenant.apiKey())
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build();
    }

    private static void await(CountDownLatch answered) {
        try {
            if (!answered.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(answered.getCount() + " requests unanswered 60 s after the last was sent");
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
