package dev.ksefplatform.commandapi.tenant.application;

import dev.ksefplatform.commandapi.tenant.domain.ApiKey;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Registers tenants and issues their API keys. */
public final class TenantRegistration {

    private static final Logger log = LoggerFactory.getLogger(TenantRegistration.class);

    private final Tenants tenants;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final SecureRandom random;

    public TenantRegistration(Tenants tenants, Clock clock, Supplier<UUID> ids, SecureRandom random) {
        this.tenants = tenants;
        this.clock = clock;
        this.ids = ids;
        this.random = random;
    }

    public Mono<RegisteredTenant> register(String name, String nip) {
        return Mono.fromCallable(() -> Tenant.register(ids.get().toString(), name, nip, clock.instant()))
                .flatMap(tenant -> {
                    ApiKey key = ApiKey.generate(random);
                    return tenants.add(tenant, key.hash())
                            .doOnSuccess(done -> log.info("tenant registered tenantId={} nip={}", tenant.id(), tenant.nip()))
                            .thenReturn(new RegisteredTenant(tenant, key));
                });
    }
}
