package dev.ksefplatform.credentials.integration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IntegrationLifecycleTest {

    private static final Instant LATER = Instant.parse("2026-11-22T12:00:00Z");

    private static Integration in(IntegrationStatus status) {
        return new Integration(new IntegrationId(UUID.randomUUID()), "t-1", "TEST", "5265877635", "7740001454",
                Set.of("InvoiceWrite"), CredentialType.KSEF_TOKEN, status, null, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void pendingBecomesActiveAndRecordsWhen() {
        Integration active = in(IntegrationStatus.PENDING).moveTo(IntegrationStatus.ACTIVE, null, LATER);

        assertThat(active.status()).isEqualTo(IntegrationStatus.ACTIVE);
        assertThat(active.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void revokedIsTerminal() {
        Integration revoked = in(IntegrationStatus.REVOKED);

        for (IntegrationStatus next : IntegrationStatus.values()) {
            assertThatThrownBy(() -> revoked.moveTo(next, null, LATER)).isInstanceOf(IllegalTransition.class);
        }
        assertThatThrownBy(() -> revoked.withNewSecret(LATER)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void disabledMustBeEnabledBeforeItCanBeVerified() {
        assertThatThrownBy(() -> in(IntegrationStatus.DISABLED).moveTo(IntegrationStatus.ACTIVE, null, LATER))
                .isInstanceOf(IllegalTransition.class);
        assertThat(in(IntegrationStatus.DISABLED).moveTo(IntegrationStatus.PENDING, "enabled", LATER).status())
                .isEqualTo(IntegrationStatus.PENDING);
    }

    @Test
    void aNewSecretMakesAnActiveIntegrationPendingAgain() {
        assertThat(in(IntegrationStatus.ACTIVE).withNewSecret(LATER).status()).isEqualTo(IntegrationStatus.PENDING);
        assertThat(in(IntegrationStatus.DISABLED).withNewSecret(LATER).status()).isEqualTo(IntegrationStatus.DISABLED);
    }

    @Test
    void anIntegrationWhoseKsefTokenKsefReportsInactiveCanExpireFromAnyLiveStatusAndBeVerifiedAgain() {
        for (IntegrationStatus from : new IntegrationStatus[] {IntegrationStatus.PENDING, IntegrationStatus.ACTIVE,
                IntegrationStatus.ERROR, IntegrationStatus.EXPIRED}) {
            assertThat(in(from).moveTo(IntegrationStatus.EXPIRED, "token inactive", LATER).status())
                    .isEqualTo(IntegrationStatus.EXPIRED);
        }
        assertThat(in(IntegrationStatus.EXPIRED).moveTo(IntegrationStatus.ACTIVE, null, LATER).status())
                .isEqualTo(IntegrationStatus.ACTIVE);
        assertThatThrownBy(() -> in(IntegrationStatus.DISABLED).moveTo(IntegrationStatus.EXPIRED, null, LATER))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void theKsefTokenReferenceIsThePartBeforeTheFirstBar() {
        assertThat(Integration.ksefTokenReference("20251122-EC-1A2B3C|nip-5265877635|abc")).isEqualTo("20251122-EC-1A2B3C");
    }
}
