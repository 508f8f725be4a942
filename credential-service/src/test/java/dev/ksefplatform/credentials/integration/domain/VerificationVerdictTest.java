package dev.ksefplatform.credentials.integration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerificationVerdictTest {

    private final Integration pending = new Integration(new IntegrationId(UUID.randomUUID()), "t-1", "TEST",
            "5265877635", "7740001454", Set.of("InvoiceWrite", "InvoiceRead"), CredentialType.KSEF_TOKEN,
            IntegrationStatus.PENDING, null, Instant.EPOCH, Instant.EPOCH);

    @Test
    void confirmsAnActiveTokenCarryingEveryRequestedScope() {
        VerificationVerdict verdict = VerificationVerdict.judge(pending,
                new KsefTokenGrant("Active", Set.of("InvoiceWrite", "InvoiceRead", "CredentialsRead"), "5265877635"));

        assertThat(verdict).isEqualTo(new VerificationVerdict.Confirmed(Set.of("InvoiceWrite", "InvoiceRead")));
    }

    @Test
    void failsWithAnActionableReasonWhenAScopeIsMissing() {
        VerificationVerdict verdict = VerificationVerdict.judge(pending,
                new KsefTokenGrant("Active", Set.of("InvoiceRead"), "5265877635"));

        assertThat(verdict).isInstanceOfSatisfying(VerificationVerdict.Failed.class, failed -> assertThat(failed.reason())
                .contains("permission not found").contains("grant InvoiceWrite").contains("5265877635"));
    }

    @Test
    void failsWhenTheTokensAuthorNoLongerHoldsAScopeTheTokenStillLists() {
        VerificationVerdict verdict = VerificationVerdict.judge(pending,
                new KsefTokenGrant("Active", Set.of("InvoiceWrite", "InvoiceRead"), "5265877635"), Set.of("InvoiceRead"));

        assertThat(verdict).isInstanceOfSatisfying(VerificationVerdict.Failed.class, failed -> assertThat(failed.reason())
                .contains("the KSeF token's author no longer holds InvoiceWrite").contains("context 5265877635")
                .doesNotContain("InvoiceRead"));
    }

    @Test
    void confirmsATokenWhoseScopesTheLoginStillHolds() {
        VerificationVerdict verdict = VerificationVerdict.judge(pending,
                new KsefTokenGrant("Active", Set.of("InvoiceWrite", "InvoiceRead"), "5265877635"),
                Set.of("InvoiceWrite", "InvoiceRead", "CredentialsManage"));

        assertThat(verdict).isEqualTo(new VerificationVerdict.Confirmed(Set.of("InvoiceWrite", "InvoiceRead")));
    }

    @Test
    void theTokensOwnRefusalComesFirst() {
        VerificationVerdict verdict = VerificationVerdict.judge(pending,
                new KsefTokenGrant("Revoked", Set.of("InvoiceWrite", "InvoiceRead"), "5265877635"), Set.of());

        assertThat(verdict).isInstanceOfSatisfying(VerificationVerdict.Failed.class,
                failed -> assertThat(failed.reason()).contains("Revoked"));
    }

    @Test
    void failsWhenTheTokenIsNotActive() {
        VerificationVerdict verdict = VerificationVerdict.judge(pending,
                new KsefTokenGrant("Revoked", Set.of("InvoiceWrite", "InvoiceRead"), "5265877635"));

        assertThat(verdict).isInstanceOfSatisfying(VerificationVerdict.Failed.class,
                failed -> assertThat(failed.reason()).contains("Revoked"));
    }

    @Test
    void failsWhenTheTokenBelongsToAnotherContext() {
        VerificationVerdict verdict = VerificationVerdict.judge(pending,
                new KsefTokenGrant("Active", Set.of("InvoiceWrite", "InvoiceRead"), "7740001454"));

        assertThat(verdict).isInstanceOf(VerificationVerdict.Failed.class);
    }

    @Test
    void aCertificateIsConfirmedOnlyWhenItsSubjectHoldsEveryScopeInTheContext() {
        Integration integration = new Integration(new IntegrationId(UUID.randomUUID()), "t-1", "TEST",
                "5265877635", "7740001454", Set.of("InvoiceWrite", "InvoiceRead"), CredentialType.CERTIFICATE,
                IntegrationStatus.PENDING, null, Instant.EPOCH, Instant.EPOCH);

        VerificationVerdict partial = VerificationVerdict.judgeCertificate(integration, Set.of("InvoiceRead"));
        VerificationVerdict full = VerificationVerdict.judgeCertificate(integration,
                Set.of("InvoiceRead", "InvoiceWrite", "CredentialsManage"));

        assertThat(partial).isInstanceOfSatisfying(VerificationVerdict.Failed.class,
                failed -> assertThat(failed.reason()).contains("InvoiceWrite")
                        .contains("5265877635").doesNotContain("InvoiceRead"));
        assertThat(full).isEqualTo(
                new VerificationVerdict.Confirmed(Set.of("InvoiceWrite", "InvoiceRead")));
    }
}
