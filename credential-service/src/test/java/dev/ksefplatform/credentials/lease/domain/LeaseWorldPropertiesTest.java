package dev.ksefplatform.credentials.lease.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import dev.ksefplatform.ksef.id.Nip;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random tenants, integrations (with their own secret or referencing one of a few provider credentials shared by
 * many tenants) and lease requests, over a world looked up as the repository does (the environment's live integration
 * for the NIP): a lease is granted exactly when the requesting tenant owns the context through an ACTIVE integration
 * with the purpose in scope — never through another tenant's integration, whatever provider credential they share.
 */
class LeaseWorldPropertiesTest {

    private static final List<String> TENANTS = List.of("t-1", "t-2", "t-3", "t-4", "t-5");
    private static final List<String> PURPOSES = List.of("InvoiceWrite", "InvoiceRead", "CredentialsManage");
    private static final List<String> ENVIRONMENTS = List.of("TEST", "PROD");
    private static final List<UUID> PROVIDER_CREDENTIALS = List.of(UUID.randomUUID(), UUID.randomUUID());
    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    @Property(tries = 1000)
    void aLeaseIsGrantedExactlyForAContextTheTenantOwnsThroughAnActiveIntegrationWithThePurposeInScope(
            @ForAll("worlds") List<Integration> world, @ForAll("requests") List<LeaseRequest> requests) {
        for (LeaseRequest request : requests) {
            Optional<Integration> live = world.stream()
                    .filter(i -> i.environment().equals(request.environment())
                            && i.taxpayerNip().equals(request.contextNip()) && i.status() != IntegrationStatus.REVOKED)
                    .findFirst();

            LeaseDecision decision = LeasePolicy.decide(request, live);

            boolean entitled = world.stream().anyMatch(i -> i.tenantId().equals(request.tenantId())
                    && i.environment().equals(request.environment()) && i.taxpayerNip().equals(request.contextNip())
                    && i.status() == IntegrationStatus.ACTIVE && i.scopes().contains(request.purpose()));
            assertThat(decision instanceof LeaseDecision.Granted).as("%s in %s", request, world).isEqualTo(entitled);
            if (decision instanceof LeaseDecision.Granted granted) {
                assertThat(granted.integration().tenantId()).isEqualTo(request.tenantId());
            }
        }
    }

    @Provide
    Arbitrary<List<Integration>> worlds() {
        Arbitrary<Integration> integration = Combinators.combine(Arbitraries.of(TENANTS), Arbitraries.of(ENVIRONMENTS),
                        nips(), Arbitraries.of(IntegrationStatus.class), Arbitraries.of(PURPOSES).set().ofMinSize(1),
                        Arbitraries.of(PROVIDER_CREDENTIALS).optional(0.4))
                .as((tenant, env, nip, status, scopes, provider) -> new Integration(new IntegrationId(UUID.randomUUID()),
                        tenant, env, nip, "7740001454", Set.copyOf(scopes), CredentialType.CERTIFICATE, status, null,
                        AT, AT, provider.orElse(null)));
        return integration.list().ofMaxSize(12).map(LeaseWorldPropertiesTest::oneLivePerContext);
    }

    @Provide
    Arbitrary<List<LeaseRequest>> requests() {
        return Combinators.combine(Arbitraries.of(TENANTS), Arbitraries.of(ENVIRONMENTS), nips(),
                        Arbitraries.of(PURPOSES))
                .as((tenant, env, nip, purpose) -> new LeaseRequest("tenant-worker", tenant, env, nip, purpose))
                .list().ofMinSize(1).ofMaxSize(20);
    }

    /** As the database's unique index: one live (not REVOKED) integration per environment and NIP. */
    private static List<Integration> oneLivePerContext(List<Integration> candidates) {
        List<Integration> world = new ArrayList<>();
        for (Integration candidate : candidates) {
            boolean taken = world.stream().anyMatch(i -> i.status() != IntegrationStatus.REVOKED
                    && i.environment().equals(candidate.environment()) && i.taxpayerNip().equals(candidate.taxpayerNip()));
            if (candidate.status() == IntegrationStatus.REVOKED || !taken) {
                world.add(candidate);
            }
        }
        return world;
    }

    /** A small pool of NIPs, so requests and integrations often meet. */
    private static Arbitrary<String> nips() {
        return Arbitraries.of("526587763", "774000145", "111111111", "123456786")
                .map(Nip::withCheckDigit).filter(nip -> nip != null);
    }
}
