package dev.ksefplatform.credentials.lease.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import dev.ksefplatform.ksef.id.Nip;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LeasePolicyPropertiesTest {

    private static final List<String> TENANTS = List.of("t-1", "t-2", "t-3", "t-4");
    private static final List<String> PURPOSES = List.of("InvoiceWrite", "InvoiceRead", "CredentialsManage");

    @Property(tries = 2000)
    void noLeaseIsGrantedForAContextTheTenantDoesNotOwn(@ForAll("integrations") Integration integration,
                                                        @ForAll("requests") LeaseRequest request) {
        LeaseDecision decision = LeasePolicy.decide(request, Optional.of(integration));

        if (decision instanceof LeaseDecision.Granted granted) {
            assertThat(granted.integration().tenantId()).isEqualTo(request.tenantId());
            assertThat(granted.integration().taxpayerNip()).isEqualTo(request.contextNip());
            assertThat(granted.integration().environment()).isEqualTo(request.environment());
            assertThat(granted.integration().status()).isEqualTo(IntegrationStatus.ACTIVE);
            assertThat(granted.integration().scopes()).contains(request.purpose());
        } else if (!integration.tenantId().equals(request.tenantId())) {
            assertThat(((LeaseDecision.Denied) decision).reason()).isEqualTo(DenialReason.TENANT_VIOLATION);
        }
    }

    @Provide
    Arbitrary<Integration> integrations() {
        return Combinators.combine(Arbitraries.of(TENANTS), nips(), Arbitraries.of(IntegrationStatus.class),
                        Arbitraries.of(PURPOSES).set().ofMinSize(1))
                .as((tenant, nip, status, scopes) -> LeasePolicyTest.integration(tenant, nip, status, Set.copyOf(scopes)));
    }

    @Provide
    Arbitrary<LeaseRequest> requests() {
        return Combinators.combine(Arbitraries.of(TENANTS), Arbitraries.of("TEST", "PROD"), nips(),
                        Arbitraries.of(PURPOSES))
                .as((tenant, env, nip, purpose) -> new LeaseRequest("tenant-worker", tenant, env, nip, purpose));
    }

    /** A small pool of valid NIPs, so requests and integrations often collide. */
    private static Arbitrary<String> nips() {
        return Arbitraries.of("526587763", "774000145", "111111111", "123456786")
                .map(Nip::withCheckDigit).filter(nip -> nip != null);
    }
}
