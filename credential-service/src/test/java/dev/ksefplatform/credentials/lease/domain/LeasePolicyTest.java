package dev.ksefplatform.credentials.lease.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeasePolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    static Integration integration(String tenant, String nip, IntegrationStatus status, Set<String> scopes) {
        return new Integration(new IntegrationId(UUID.randomUUID()), tenant, "TEST", nip, "1111111111", scopes,
                CredentialType.KSEF_TOKEN, status, null, T0, T0);
    }

    private static LeaseRequest request(String tenant, String nip, String purpose) {
        return new LeaseRequest("tenant-worker", tenant, "TEST", nip, purpose);
    }

    @Test
    void grantsTheOwnerOfAnActiveIntegrationWithinScope() {
        Integration owned = integration("t-1", "5265877635", IntegrationStatus.ACTIVE, Set.of("InvoiceWrite"));

        LeaseDecision decision = LeasePolicy.decide(request("t-1", "5265877635", "InvoiceWrite"), Optional.of(owned));

        assertThat(decision).isEqualTo(new LeaseDecision.Granted(owned));
    }

    @Test
    void refusesAnotherTenantsContextAsTenantViolation() {
        Integration other = integration("t-2", "5265877635", IntegrationStatus.ACTIVE, Set.of("InvoiceWrite"));

        LeaseDecision decision = LeasePolicy.decide(request("t-1", "5265877635", "InvoiceWrite"), Optional.of(other));

        assertThat(decision).isInstanceOfSatisfying(LeaseDecision.Denied.class,
                denied -> assertThat(denied.reason()).isEqualTo(DenialReason.TENANT_VIOLATION));
    }

    @Test
    void refusesAnUnknownContextExactlyLikeAForeignOne() {
        LeaseDecision decision = LeasePolicy.decide(request("t-1", "5265877635", "InvoiceWrite"), Optional.empty());

        assertThat(decision).isInstanceOfSatisfying(LeaseDecision.Denied.class,
                denied -> assertThat(denied.reason()).isEqualTo(DenialReason.TENANT_VIOLATION));
    }

    @Test
    void refusesAnIntegrationFoundForAnotherContextOrEnvironment() {
        Integration owned = integration("t-1", "7740001454", IntegrationStatus.ACTIVE, Set.of("InvoiceWrite"));

        LeaseDecision wrongNip = LeasePolicy.decide(request("t-1", "5265877635", "InvoiceWrite"), Optional.of(owned));
        LeaseDecision wrongEnv = LeasePolicy.decide(
                new LeaseRequest("tenant-worker", "t-1", "PROD", "7740001454", "InvoiceWrite"), Optional.of(owned));

        assertThat(((LeaseDecision.Denied) wrongNip).reason()).isEqualTo(DenialReason.TENANT_VIOLATION);
        assertThat(((LeaseDecision.Denied) wrongEnv).reason()).isEqualTo(DenialReason.TENANT_VIOLATION);
    }

    @Test
    void refusesAnIntegrationThatIsNotActive() {
        for (IntegrationStatus status : Set.of(IntegrationStatus.PENDING, IntegrationStatus.ERROR,
                IntegrationStatus.DISABLED, IntegrationStatus.EXPIRED)) {
            Integration owned = integration("t-1", "5265877635", status, Set.of("InvoiceWrite"));

            LeaseDecision decision = LeasePolicy.decide(request("t-1", "5265877635", "InvoiceWrite"), Optional.of(owned));

            assertThat(((LeaseDecision.Denied) decision).reason()).as(status.name())
                    .isEqualTo(DenialReason.INTEGRATION_NOT_ACTIVE);
        }
    }

    @Test
    void refusesAPurposeOutsideTheGrantedScopes() {
        Integration owned = integration("t-1", "5265877635", IntegrationStatus.ACTIVE, Set.of("InvoiceRead"));

        LeaseDecision decision = LeasePolicy.decide(request("t-1", "5265877635", "InvoiceWrite"), Optional.of(owned));

        assertThat(((LeaseDecision.Denied) decision).reason()).isEqualTo(DenialReason.SCOPE_NOT_GRANTED);
    }

    @Test
    void mapsEachDenialToItsProblemType() {
        assertThat(LeaseRefused.of(new LeaseDecision.Denied(DenialReason.TENANT_VIOLATION, "x")))
                .isInstanceOf(TenantViolation.class);
        assertThat(LeaseRefused.of(new LeaseDecision.Denied(DenialReason.SCOPE_NOT_GRANTED, "x")).reason().problemSlug())
                .isEqualTo("scope-not-granted");
    }
}
