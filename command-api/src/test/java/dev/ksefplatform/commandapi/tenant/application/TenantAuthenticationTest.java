package dev.ksefplatform.commandapi.tenant.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.commandapi.security.NotAuthenticated;
import dev.ksefplatform.commandapi.tenant.domain.ApiKeyHash;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import dev.ksefplatform.commandapi.tenant.domain.TenantStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class TenantAuthenticationTest {

    private static final Tenant ACME = new Tenant("t-1", "Acme", "5265877635", TenantStatus.ACTIVE, Instant.EPOCH);

    private final CountingTenants tenants = new CountingTenants();
    private final AtomicLong nanos = new AtomicLong();
    private final TenantAuthentication authentication = new TenantAuthentication(tenants, Duration.ofSeconds(10), 1_000, nanos::get);

    @Test
    void looksAKeyUpOncePerTimeToLive() {
        tenants.keys.put(ApiKeyHash.of("ksef_a"), ACME);

        for (int i = 0; i < 5; i++) {
            StepVerifier.create(authentication.authenticate("ksef_a")).expectNext(ACME).verifyComplete();
        }
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        StepVerifier.create(authentication.authenticate("ksef_a")).expectNext(ACME).verifyComplete();

        assertThat(tenants.lookups.get()).isEqualTo(2);
    }

    @Test
    void sharesOneLookupAmongConcurrentFirstRequests() {
        tenants.keys.put(ApiKeyHash.of("ksef_b"), ACME);
        tenants.delay = Duration.ofMillis(200);

        StepVerifier.create(Flux.range(0, 20).flatMap(i -> authentication.authenticate("ksef_b"))).expectNextCount(20).verifyComplete();

        assertThat(tenants.lookups.get()).isEqualTo(1);
    }

    @Test
    void neverCachesAnUnknownKeySoANewKeyWorksAtOnce() {
        StepVerifier.create(authentication.authenticate("ksef_c")).expectError(NotAuthenticated.class).verify();
        tenants.keys.put(ApiKeyHash.of("ksef_c"), ACME);

        StepVerifier.create(authentication.authenticate("ksef_c")).expectNext(ACME).verifyComplete();
    }

    @Test
    void refusesADisabledTenantAndForgetsARevokedKeyAtOnce() {
        tenants.keys.put(ApiKeyHash.of("ksef_d"), new Tenant("t-2", "Gone", "3861610227", TenantStatus.DISABLED, Instant.EPOCH));
        tenants.keys.put(ApiKeyHash.of("ksef_e"), ACME);
        StepVerifier.create(authentication.authenticate("ksef_e")).expectNext(ACME).verifyComplete();

        tenants.keys.remove(ApiKeyHash.of("ksef_e"));
        authentication.forget(ApiKeyHash.of("ksef_e"));

        StepVerifier.create(authentication.authenticate("ksef_d")).expectError(NotAuthenticated.class).verify();
        StepVerifier.create(authentication.authenticate("ksef_e")).expectError(NotAuthenticated.class).verify();
    }

    /** The port, counting how often the gateway would ask the database. */
    private static final class CountingTenants implements Tenants {
        final Map<ApiKeyHash, Tenant> keys = new ConcurrentHashMap<>();
        final AtomicInteger lookups = new AtomicInteger();
        volatile Duration delay = Duration.ZERO;

        @Override
        public Mono<Void> add(Tenant tenant, ApiKeyHash apiKeyHash) {
            return Mono.fromRunnable(() -> keys.put(apiKeyHash, tenant));
        }

        @Override
        public Mono<Tenant> byApiKey(ApiKeyHash apiKeyHash) {
            return Mono.defer(() -> {
                lookups.incrementAndGet();
                return Mono.justOrEmpty(keys.get(apiKeyHash)).delayElement(delay);
            });
        }

        @Override
        public Mono<Tenant> byId(String tenantId) {
            return Mono.justOrEmpty(keys.values().stream().filter(t -> t.id().equals(tenantId)).findFirst());
        }

        @Override
        public Flux<Tenant> list(String query, int limit) {
            return Flux.empty();
        }

        @Override
        public Mono<Void> remove(String tenantId) {
            return Mono.fromRunnable(() -> keys.values().removeIf(tenant -> tenant.id().equals(tenantId)));
        }
    }
}
