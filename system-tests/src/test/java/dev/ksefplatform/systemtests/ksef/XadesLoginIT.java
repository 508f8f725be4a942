package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.ksef.client.AuthTokens;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceStatus;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.ksef.client.SentInvoice;
import dev.ksefplatform.ksef.client.SubjectIdentifierType;
import dev.ksefplatform.ksef.client.TestCertificates;
import dev.ksefplatform.ksef.client.XadesCredential;
import dev.ksefplatform.ksef.client.error.KsefAuthenticationFailedException;
import dev.ksefplatform.ksef.id.KsefNumber;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** XAdES-signed login with self-signed test certificates (accepted on TE), client and simulator both real. */
class XadesLoginIT {

    @RegisterExtension
    static final KsefContractFixture KSEF = KsefContractFixture.withRateLimits();
    private final ContractLog contract = KSEF.contract();
    private final KsefClient ksef = KSEF.client();

    @Test
    void theOwnersRsaCertificateLogsInAndItsAccessTokenGetsAnInvoiceAccepted() {
        String nip = TestNips.random();
        XadesCredential owner = TestCertificates.selfSignedForNip(nip);

        Instant before = Instant.now();
        AuthTokens tokens = ksef.auth().loginWithXades(ContextIdentifier.nip(nip),
                SubjectIdentifierType.CERTIFICATE_SUBJECT, owner);

        assertThat(tokens.accessToken().validUntil()).isAfter(before);
        assertThat(tokens.refreshToken().validUntil()).isAfter(tokens.accessToken().validUntil());
        String access = tokens.accessToken().token();
        try (OnlineSession session = ksef.onlineSessions().open(access, FormCode.FA3)) {
            SentInvoice sent = session.send(OnlineSessionIT.invoice(nip, "FV/XADES/1"));
            InvoiceStatus status = ksef.onlineSessions().awaitInvoiceStatus(access, session.referenceNumber(),
                    sent.referenceNumber(), Duration.ofSeconds(60));
            assertThat(status.code()).isEqualTo(InvoiceStatus.SUCCESS);
            assertThat(KsefNumber.isValid(status.ksefNumber())).isTrue();
        }
        assertThat(contract.exchanges()).filteredOn(e -> e.uri().getPath().endsWith("/auth/xades-signature"))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(202));
    }

    @Test
    void theOwnersEcCertificateLogsInAndItsRefreshTokenWorks() {
        String nip = TestNips.random();

        AuthTokens tokens = ksef.auth().loginWithXades(ContextIdentifier.nip(nip),
                SubjectIdentifierType.CERTIFICATE_SUBJECT, TestCertificates.selfSignedEcForNip(nip));

        assertThat(ksef.auth().refresh(tokens.refreshToken().token()).token()).isNotBlank();
    }

    @Test
    void aCertificateOfAnotherTaxpayerWithoutPermissionsFailsWithStatus415() {
        XadesCredential stranger = TestCertificates.selfSignedForNip(TestNips.random());

        assertThatThrownBy(() -> ksef.auth().loginWithXades(ContextIdentifier.nip(TestNips.random()),
                SubjectIdentifierType.CERTIFICATE_SUBJECT, stranger))
                .isInstanceOfSatisfying(KsefAuthenticationFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(415);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void aFingerprintLoginWithNothingGrantedToTheFingerprintFailsWithStatus415() {
        String nip = TestNips.random();

        assertThatThrownBy(() -> ksef.auth().loginWithXades(ContextIdentifier.nip(nip),
                SubjectIdentifierType.CERTIFICATE_FINGERPRINT, TestCertificates.selfSignedForNip(nip)))
                .isInstanceOfSatisfying(KsefAuthenticationFailedException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(415));
    }
}
