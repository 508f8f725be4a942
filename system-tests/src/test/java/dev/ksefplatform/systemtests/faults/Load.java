package dev.ksefplatform.systemtests.faults;

import dev.ksefplatform.deploy.PlatformClient;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import dev.ksefplatform.deploy.SampleInvoices;
import dev.ksefplatform.ksef.id.Nip;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tenants onboarded over REST and invoices submitted for them round-robin, through each command-api instance in turn;
 * every 202 is remembered.
 */
final class Load {

    /** The spec's {@code Nip} pattern: no leading zero, and digits 2-3 are not both zero. */
    private static final String SPEC_PATTERN = "[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}";

    private final List<PlatformClient> clients;
    private final List<AtomicInteger> acceptedByGateway;
    private final List<Tenant> tenants = new ArrayList<>();
    private final Map<String, Tenant> accepted = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    Load(List<PlatformClient> clients) {
        this.clients = List.copyOf(clients);
        this.acceptedByGateway = clients.stream().map(c -> new AtomicInteger()).toList();
    }

    /** A new load for tenants onboarded before. */
    Load(List<PlatformClient> clients, List<Tenant> tenants) {
        this(clients);
        this.tenants.addAll(tenants);
    }

    void onboard(int count) {
        for (int i = 0; i < count; i++) {
            tenants.add(clients.get(i % clients.size()).onboard("Fault tenant " + i, randomNip()));
        }
    }

    List<Tenant> tenants() {
        return tenants;
    }

    /** Submits {@code count} invoices from {@code threads} threads, tenants in turn; returns when all are answered. */
    void submit(int count, int threads) {
        submit(count, threads, 0);
    }

    /** As {@link #submit(int, int)}, each thread pausing {@code pauseMillis} after each answer (a steady load). */
    void submit(int count, int threads, long pauseMillis) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(pool.submit(() -> {
                    submitOne();
                    Outcomes.pause(pauseMillis);
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("load failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** command id → tenant, for every submission answered 202. */
    Map<String, Tenant> accepted() {
        return accepted;
    }

    /** Submissions not answered 202: by status (0 = no answer). */
    Map<Integer, Integer> refused() {
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        refused.forEach((status, n) -> byStatus.put(status, n.get()));
        return byStatus;
    }

    /** Submissions answered 202 by each command-api instance, in the clients' order. */
    List<Integer> acceptedByGateway() {
        return acceptedByGateway.stream().map(AtomicInteger::get).toList();
    }

    int refusedCount() {
        return refused.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void submitOne() {
        int n = sequence.getAndIncrement();
        Tenant tenant = tenants.get(n % tenants.size());
        byte[] xml = SampleInvoices.fa3(tenant.nip(), "FLT/" + run + "/" + n, LocalDate.now());
        int status = answer(n % clients.size(), tenant, xml);
        if (status != 202) {
            refused.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }
    }

    private int answer(int gateway, Tenant tenant, byte[] xml) {
        try {
            PlatformClient.Answer answer = clients.get(gateway).submitInvoice(tenant, xml, "application/xml");
            if (answer.status() == 202) {
                accepted.put(answer.body().path("commandId").asText(), tenant);
                acceptedByGateway.get(gateway).incrementAndGet();
            }
            return answer.status();
        } catch (IllegalStateException unanswered) {
            return 0;
        }
    }

    private static String randomNip() {
        while (true) {
            String nine = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
            String nip = Nip.withCheckDigit(nine);
            if (nip != null && nip.matches(SPEC_PATTERN)) {
                return nip;
            }
        }
    }
}
