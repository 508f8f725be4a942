package dev.ksefplatform.console.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

class CertificateChecksTest {

    private static final String NIP = "5265877635";
    private static final String PASSWORD = "tajne-haslo-2026";
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));
    private static final Instant IN_A_YEAR = NOW.plus(Duration.ofDays(365));

    private final CertificateChecks checks = new CertificateChecks(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void takesAValidSealOfTheTenantsNip() {
        assertThat(checks.refusal(Pkcs12Files.seal(NIP, PASSWORD, YEAR_AGO, IN_A_YEAR), PASSWORD, NIP)).isEmpty();
    }

    @Test
    void takesAPersonsCertificateNamingAPesel() {
        byte[] person = Pkcs12Files.file("CN=Jan Kowalski, SERIALNUMBER=PNOPL-80010112345, C=PL", PASSWORD,
                YEAR_AGO, IN_A_YEAR, true);

        assertThat(checks.refusal(person, PASSWORD, NIP)).isEmpty();
    }

    @Test
    void refusesAWrongPassword() {
        assertThat(checks.refusal(Pkcs12Files.seal(NIP, PASSWORD, YEAR_AGO, IN_A_YEAR), "wrong", NIP))
                .map(CertificateRefusal::messageKey).contains("certificate.wrong-password");
    }

    @Test
    void refusesAFileThatIsNotPkcs12() {
        byte[] pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(checks.refusal(pem, PASSWORD, NIP)).map(CertificateRefusal::messageKey).contains("certificate.not-pkcs12");
    }

    @Test
    void refusesACertificateWithoutItsPrivateKey() {
        byte[] certificateOnly = Pkcs12Files.file("CN=Seal, 2.5.4.97=VATPL-" + NIP, PASSWORD, YEAR_AGO, IN_A_YEAR, false);

        assertThat(checks.refusal(certificateOnly, PASSWORD, NIP)).map(CertificateRefusal::messageKey)
                .contains("certificate.no-private-key");
    }

    @Test
    void refusesAnExpiredCertificateSayingWhen() {
        Instant expired = NOW.minus(Duration.ofDays(2));

        assertThat(checks.refusal(Pkcs12Files.seal(NIP, PASSWORD, YEAR_AGO, expired), PASSWORD, NIP))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("certificate.expired");
                    assertThat(refusal.arguments()).containsExactly(Date.from(expired));
                });
    }

    @Test
    void refusesACertificateNotYetValid() {
        assertThat(checks.refusal(Pkcs12Files.seal(NIP, PASSWORD, NOW.plus(Duration.ofDays(3)), IN_A_YEAR), PASSWORD, NIP))
                .map(CertificateRefusal::messageKey).contains("certificate.not-yet-valid");
    }

    @Test
    void refusesACertificateOfAnotherNipNamingBoth() {
        assertThat(checks.refusal(Pkcs12Files.seal("3861610227", PASSWORD, YEAR_AGO, IN_A_YEAR), PASSWORD, NIP))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("certificate.other-nip");
                    assertThat(refusal.arguments()).containsExactly("3861610227", NIP);
                });
    }

    @Test
    void refusesACertificateNamingNoNipOrPeselAsKsefWould() {
        byte[] anonymous = Pkcs12Files.file("CN=Someone, O=Nobody, C=PL", PASSWORD, YEAR_AGO, IN_A_YEAR, true);

        assertThat(checks.refusal(anonymous, PASSWORD, NIP)).map(CertificateRefusal::messageKey)
                .contains("certificate.no-identifier");
    }

    @Test
    void readsTheNipInTheSerialNumberAsKsefClientsTestCertificatesPutIt() {
        byte[] tin = Pkcs12Files.file("CN=KSeF test, SERIALNUMBER=TINPL-" + NIP + ", C=PL", PASSWORD, YEAR_AGO, IN_A_YEAR, true);

        assertThat(checks.refusal(tin, PASSWORD, NIP)).isEmpty();
        assertThat(checks.refusal(tin, PASSWORD, "3861610227")).map(CertificateRefusal::messageKey)
                .contains("certificate.other-nip");
    }
}
