package dev.ksefplatform.simulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.simulator.auth.CertificateSubjects.Subject;
import dev.ksefplatform.simulator.support.XadesSigner;
import org.junit.jupiter.api.Test;

class CertificateSubjectsTest {

    @Test
    void readsTheNipFromSerialNumber() throws Exception {
        XadesSigner person = XadesSigner.personWithNip("5265877635");

        assertThat(CertificateSubjects.named(person.certificate())).contains(new Subject("Nip", "5265877635"));
    }

    @Test
    void readsTheNipFromOrganizationIdentifierOfASeal() throws Exception {
        XadesSigner seal = XadesSigner.sealWithNip("7010002137");

        assertThat(CertificateSubjects.named(seal.certificate())).contains(new Subject("Nip", "7010002137"));
    }

    @Test
    void fingerprintIsTheUpperCaseSha256OfTheCertificate() throws Exception {
        XadesSigner person = XadesSigner.personWithNip("5265877635");

        Subject fingerprint = CertificateSubjects.fingerprint(person.certificate());

        assertThat(fingerprint.type()).isEqualTo("Fingerprint");
        assertThat(fingerprint.value()).isEqualTo(person.fingerprint()).hasSize(64);
    }
}
