package dev.ksefplatform.credentials.integration.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.credentials.support.TestCertificates;
import org.junit.jupiter.api.Test;

class CertificateBundleTest {

    private static final String BUNDLE = TestCertificates.pkcs12Base64("5265877635", "pa:ss|word");

    @Test
    void acceptsABundleThatOpensWithItsPasswordEvenIfThePasswordHasAColon() {
        assertThatCode(() -> RegistrationRules.checkSecret(CredentialType.CERTIFICATE,
                CertificateBundle.encode(BUNDLE, "pa:ss|word"))).doesNotThrowAnyException();
    }

    @Test
    void rejectsAWrongPasswordWithoutEchoingIt() {
        assertThatThrownBy(() -> RegistrationRules.checkSecret(CredentialType.CERTIFICATE,
                CertificateBundle.encode(BUNDLE, "wrong-password-xyz")))
                .isInstanceOf(InvalidRequest.class).hasMessageNotContaining("wrong-password-xyz");
    }

    @Test
    void rejectsBytesThatAreNoPkcs12() {
        assertThatThrownBy(() -> RegistrationRules.checkSecret(CredentialType.CERTIFICATE,
                CertificateBundle.encode("bm90IGEgYnVuZGxl", "x"))).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void rejectsAKsefTokenWithoutAReference() {
        assertThatThrownBy(() -> RegistrationRules.checkSecret(CredentialType.KSEF_TOKEN, "no-bar-here"))
                .isInstanceOf(InvalidRequest.class);
    }
}
