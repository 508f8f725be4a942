package dev.ksefplatform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.support.CredentialServiceHarness;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.support.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Every KSeF call the vault makes passes the per-context (and, for the authentication flow, per-IP) budget of the
 * official limit table before it is sent: against the simulator with its official limits on, bursts of logins and
 * more verifications than a minute allows produce zero 429s; what does not fit is answered 503 + Retry-After.
 */
class KsefRateBudgetIT {

    private static Simulator ksef;
    private static CredentialServiceHarness service;

    @BeforeAll
    static void start() {
        ksef = new Simulator("--simulator.rate-limits.enabled=true");
        service = new CredentialServiceHarness(ksef.baseUrl() + "/v2", "--credentials.ksef.budget-max-wait=PT2S");
    }

    @AfterAll
    static void stop() {
        service.close();
        ksef.close();
    }

    private record Registered(String tenantId, String nip, String integrationId) {
    }

    private static Registered registered() {
        String tenantId = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        String token = ksef.issueKsefToken(nip, List.of("InvoiceWrite"));
        service.vouch(tenantId, nip);
        Map<?, ?> body = admin().post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "taxpayerNip", nip,
                        "providerNip", Nips.random(), "scopes", List.of("InvoiceWrite"),
                        "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return new Registered(tenantId, nip, (String) body.get("integrationId"));
    }

    private static WebTestClient admin() {
        return service.client(CredentialServiceHarness.ADMIN);
    }

    private static EntityExchangeResult<Map> verify(Registered integration) {
        return admin().post().uri("/admin/v1/integrations/{id}/verify", integration.integrationId())
                .exchange().expectBody(Map.class).returnResult();
    }

    private static WebTestClient.ResponseSpec lease(Registered integration) {
        return service.client(CredentialServiceHarness.WORKER).post().uri("/internal/v1/leases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", integration.tenantId(), "environment", "TEST",
                        "contextNip", integration.nip(), "purpose", "InvoiceWrite"))
                .exchange();
    }

    /** 429s the simulator answered, over every context (authentication calls count under {@code none}). */
    private static long tooManyRequests() {
        Map<?, ?> stats = WebTestClient.bindToServer().baseUrl(ksef.baseUrl()).build().get().uri("/sim/v1/stats")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Map<?, ?>) stats.get("contexts")).values().stream()
                .mapToLong(context -> ((Number) ((Map<?, ?>) context).get("tooManyRequests")).longValue()).sum();
    }

    private static long tokenStatusCalls(String nip) {
        Map<?, ?> stats = WebTestClient.bindToServer().baseUrl(ksef.baseUrl()).build().get()
                .uri("/sim/v1/stats?contextNip={nip}", nip)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> context = (Map<?, ?>) ((Map<?, ?>) stats.get("contexts")).get(nip);
        return ((Map<?, ?>) context.get("byEndpoint")).entrySet().stream()
                .filter(e -> ((String) e.getKey()).startsWith("GET /v2/tokens/"))
                .mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
    }

    @Test
    void aBurstOfLoginsForManyContextsAndLeasesAfterItMeetNoTooManyRequests() {
        List<Registered> integrations = IntStream.range(0, 30).mapToObj(i -> registered()).toList();
        long before = tooManyRequests();

        List<Object> statuses = Flux.fromIterable(integrations)
                .flatMap(integration -> Flux.defer(() -> Flux.just(verify(integration).getResponseBody().get("status")))
                        .subscribeOn(Schedulers.boundedElastic()), 30)
                .collectList().block(Duration.ofMinutes(2));
        integrations.forEach(integration -> service.context().getBean(AccessTokens.class)
                .forgetIntegration(integration.integrationId()));
        List<Integer> leases = Flux.fromIterable(integrations)
                .flatMap(integration -> Flux.defer(() -> Flux.just(lease(integration).returnResult(Map.class)
                        .getStatus().value())).subscribeOn(Schedulers.boundedElastic()), 30)
                .collectList().block(Duration.ofMinutes(2));

        assertThat(statuses).hasSize(30).containsOnly("ACTIVE");
        assertThat(leases).hasSize(30).containsOnly(200);
        assertThat(tooManyRequests() - before).isZero();
    }

    @Test
    void manyLeasesOfOneContextEachNeedingAFreshLoginMeetNoTooManyRequests() {
        Registered integration = registered();
        verify(integration);
        long before = tooManyRequests();

        List<Integer> statuses = new java.util.ArrayList<>();
        for (int round = 0; round < 40; round++) {
            // every round replaces the context's tokens: a login, and a stale session to list and revoke beside it
            service.context().getBean(AccessTokens.class).forgetIntegration(integration.integrationId());
            statuses.add(lease(integration).returnResult(Map.class).getStatus().value());
        }

        assertThat(statuses).hasSize(40).containsOnly(200);
        assertThat(tooManyRequests() - before).isZero();
    }

    @Test
    void moreVerificationsOfOneContextThanAMinuteAllowsAreAnsweredRetryLaterWithoutACallToKsef() {
        Registered integration = registered();
        long before = tooManyRequests();

        for (int i = 0; i < 30; i++) {
            assertThat(verify(integration).getStatus().value()).as("verification %d", i).isEqualTo(200);
        }
        EntityExchangeResult<Map> refused = verify(integration);

        assertThat(refused.getStatus().value()).isEqualTo(503);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseBody().get("type")).isEqualTo("https://ksef-platform.dev/problems/ksef-rate-budget");
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isBetween(3L, 61L);
        assertThat(tokenStatusCalls(integration.nip())).isEqualTo(30);
        assertThat(tooManyRequests() - before).isZero();
        // the integration is untouched, and a lease from the token cache needs no KSeF call
        assertThat(admin().get().uri("/admin/v1/integrations/{id}", integration.integrationId()).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("status")).isEqualTo("ACTIVE");
        lease(integration).expectStatus().isOk();
    }
}
