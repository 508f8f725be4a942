package dev.ksefplatform.credentials.bench;

import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.support.CredentialServiceHarness;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.support.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Measures, over real PostgreSQL, Kafka and the simulator: KSeF logins caused by 1,000 concurrent
 * lease requests over 100 contexts with a cold cache (goal: exactly 100), and leases per second
 * served from the cache. Run it with {@code java -cp target/test-classes:target/classes:<test classpath>}
 * (the exact command is in the README, <i>Figures</i>) or from an IDE; it prints figures and asserts nothing.
 */
public final class LeaseBenchmark {

    private static final int CONTEXTS = 100;
    private static final int REQUESTS = 1_000;

    private LeaseBenchmark() {
    }

    public static void main(String[] args) {
        // KSeF's per-IP auth limits would turn a cold burst of 100 logins into 429s (503 ksef-unavailable, retried by the worker)
        try (Simulator ksef = new Simulator("--simulator.rate-limits.enabled=false");
             CredentialServiceHarness service = new CredentialServiceHarness(ksef.baseUrl() + "/v2")) {
            int port = ((WebServerApplicationContext) service.context()).getWebServer().getPort();
            WebClient admin = client(port, CredentialServiceHarness.ADMIN);
            WebClient worker = client(port, CredentialServiceHarness.WORKER);
            List<String[]> contexts = register(ksef, admin, service);
            contexts.forEach(c -> service.context().getBean(AccessTokens.class).forgetIntegration(c[2]));

            Map<String, Set<String>> tokensByContext = new ConcurrentHashMap<>();
            long coldStart = System.nanoTime();
            leases(worker, contexts, REQUESTS, REQUESTS, tokensByContext);
            double coldSeconds = (System.nanoTime() - coldStart) / 1e9;
            int logins = tokensByContext.values().stream().mapToInt(Set::size).sum();

            leases(worker, contexts, 2_000, 64, new ConcurrentHashMap<>());
            long warmStart = System.nanoTime();
            int warmRequests = 10_000;
            leases(worker, contexts, warmRequests, 64, new ConcurrentHashMap<>());
            double warmSeconds = (System.nanoTime() - warmStart) / 1e9;

            System.out.printf("cold: %d concurrent leases over %d contexts -> %d KSeF logins (goal %d) in %.2f s%n",
                    REQUESTS, CONTEXTS, logins, CONTEXTS, coldSeconds);
            System.out.printf("warm: %d leases from cache in %.2f s -> %.0f leases/s (HTTP, 64 in flight)%n",
                    warmRequests, warmSeconds, warmRequests / warmSeconds);
        }
        System.exit(0);
    }

    private static List<String[]> register(Simulator ksef, WebClient admin, CredentialServiceHarness service) {
        List<String[]> contexts = new ArrayList<>();
        for (int i = 0; i < CONTEXTS; i++) {
            String tenant = "bench-" + UUID.randomUUID();
            String nip = Nips.random();
            String token = ksef.issueKsefToken(nip, List.of("InvoiceWrite"));
            service.vouch(tenant, nip);
            Map<?, ?> created = admin.post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("tenantId", tenant, "environment", "TEST", "taxpayerNip", nip,
                            "providerNip", Nips.random(), "scopes", List.of("InvoiceWrite"),
                            "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token)))
                    .retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(30));
            String id = (String) created.get("integrationId");
            admin.post().uri("/admin/v1/integrations/{id}/verify", id).retrieve().bodyToMono(Map.class)
                    .block(Duration.ofSeconds(30));
            contexts.add(new String[] {tenant, nip, id});
        }
        return contexts;
    }

    private static void leases(WebClient worker, List<String[]> contexts, int count, int inFlight,
                               Map<String, Set<String>> tokensByContext) {
        Flux.range(0, count).flatMap(i -> {
            String[] c = contexts.get(i % contexts.size());
            return worker.post().uri("/internal/v1/leases").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("tenantId", c[0], "environment", "TEST", "contextNip", c[1],
                            "purpose", "InvoiceWrite"))
                    .retrieve().bodyToMono(Map.class)
                    .doOnNext(lease -> tokensByContext.computeIfAbsent(c[1], k -> ConcurrentHashMap.newKeySet())
                            .add((String) lease.get("accessToken")));
        }, inFlight).blockLast(Duration.ofMinutes(5));
    }

    private static WebClient client(int port, String bearer) {
        return WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + bearer).build();
    }
}
