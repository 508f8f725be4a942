package dev.ksefplatform.systemtests.console;

import dev.ksefplatform.ksef.client.TestCertificates;
import dev.ksefplatform.ksef.client.XadesCredential;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;

/** PKCS#12 files a person picks in the wizard: a self-signed KSeF test certificate (TINPL-NIP) with its key. */
final class ConsoleCertificates {

    private ConsoleCertificates() {
    }

    /** A {@code .p12} in {@code directory} for {@code nip}, protected by {@code password}. */
    static Path pkcs12(Path directory, String nip, String password) throws Exception {
        XadesCredential credential = TestCertificates.selfSignedForNip(nip);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("ksef", credential.privateKey(), password.toCharArray(),
                new Certificate[] {credential.certificate()});
        Path file = directory.resolve("ksef-" + nip + "-" + System.nanoTime() + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
