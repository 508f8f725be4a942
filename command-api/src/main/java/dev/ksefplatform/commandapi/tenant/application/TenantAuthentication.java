package dev.ksefplatform.commandapi.tenant.application;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.ksefplatform.commandapi.security.ActingPersons;
import dev.ksefplatform.commandapi.security.NotAuthenticated;
import dev.ksefplatform.commandapi.tenant.domain.ApiKeyHash;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Finds the active tenant an API key belongs to, by the key's hash. Known keys are cached for {@code ttl} (keyed by
 * hash, never by the key): a tenant's requests cost one lookup per key per {@code ttl} instead of one each, and a
 * disabled tenant or a replaced key takes effect within {@code ttl}. Unknown keys are not cached, so a key issued a
 * moment ago works at once. Concurrent first requests with one key share one lookup.
 */
public final class TenantAuthentication {

    private static final int MAX_KEY_LENGTH = 200;

    private final Tenants tenants;
    private final AsyncCache<ApiKeyHash, Tenant> byKey;

    public TenantAuthentication(Tenants tenants, Duration ttl, int maxKeys, Ticker ticker) {
        this.tenants = tenants;
        this.byKey = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(ttl).ticker(ticker).buildAsync();
    }

    /**
     * The tenant, or {@link NotAuthenticated} when the key is missing, unknown or its tenant disabled. When the
     * console acts for a person ({@link ActingPersons}), the tenant it names instead, if active.
     */
    public Mono<Tenant> authenticate(String apiKey) {
        return ActingPersons.current().flatMap(person -> person.isPresent()
                ? tenants.byId(person.get().tenantId()).filter(Tenant::isActive).switchIfEmpty(Mono.error(NotAuthenticated::apiKey))
                : byKey(apiKey));
    }

    private Mono<Tenant> byKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > MAX_KEY_LENGTH) {
            return Mono.error(NotAuthenticated.apiKey());
        }
        ApiKeyHash hash = ApiKeyHash.of(apiKey.strip());
        return Mono.fromFuture(() -> byKey.get(hash, (key, executor) -> tenants.byApiKey(key).toFuture()), true)
                .filter(Tenant::isActive)
                .switchIfEmpty(Mono.error(NotAuthenticated::apiKey));
    }

    /** Forgets a key at once, for whoever revokes or replaces it. */
    public void forget(ApiKeyHash hash) {
        byKey.synchronous().invalidate(hash);
    }
}
