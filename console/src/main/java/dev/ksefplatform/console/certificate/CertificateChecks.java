package dev.ksefplatform.console.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collections;
import java.util.Date;
import java.util.Optional;

/**
 * What can be checked of a PKCS#12 file before it is sent to the vault, each with what to do about it: it is a
 * PKCS#12 file, the password opens it, it holds a private key with its certificate, the certificate is valid now, and
 * it names the tenant's NIP (or a PESEL, which KSeF accepts where the person holds permissions in the context).
 * Whether KSeF lets it in is the verification's to say. The password never leaves this check in a message.
 */
public final class CertificateChecks {

    private final Clock clock;

    public CertificateChecks(Clock clock) {
        this.clock = clock;
    }

    /** Empty when the file will do for the tenant of {@code tenantNip}; else why not. */
    public Optional<CertificateRefusal> refusal(byte[] pkcs12, String password, String tenantNip) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password.toCharArray());
        } catch (IOException e) {
            return Optional.of(CertificateRefusal.of(e.getCause() instanceof UnrecoverableKeyException
                    ? "certificate.wrong-password" : "certificate.not-pkcs12"));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(CertificateRefusal.of("certificate.not-pkcs12"));
        }
        try {
            return signing(store, password).map(certificate -> refusal(certificate, tenantNip))
                    .orElseGet(() -> Optional.of(CertificateRefusal.of("certificate.no-private-key")));
        } catch (UnrecoverableKeyException e) {
            return Optional.of(CertificateRefusal.of("certificate.wrong-password"));
        }
    }

    private Optional<CertificateRefusal> refusal(X509Certificate certificate, String tenantNip) {
        Date now = Date.from(clock.instant());
        try {
            certificate.checkValidity(now);
        } catch (CertificateExpiredException e) {
            return Optional.of(CertificateRefusal.of("certificate.expired", certificate.getNotAfter()));
        } catch (CertificateNotYetValidException e) {
            return Optional.of(CertificateRefusal.of("certificate.not-yet-valid", certificate.getNotBefore()));
        }
        Optional<CertificateSubject> subject = CertificateSubject.named(certificate);
        if (subject.isEmpty()) {
            return Optional.of(CertificateRefusal.of("certificate.no-identifier"));
        }
        boolean otherNip = subject.get().type().equals(CertificateSubject.NIP) && !tenantNip.isBlank()
                && !subject.get().value().equals(tenantNip);
        return otherNip ? Optional.of(CertificateRefusal.of("certificate.other-nip", subject.get().value(), tenantNip))
                : Optional.empty();
    }

    /** The first entry holding a private key the password opens, with its X.509 certificate (the vault's rule). */
    private static Optional<X509Certificate> signing(KeyStore store, String password) throws UnrecoverableKeyException {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password.toCharArray()) != null
                        && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    return Optional.of(certificate);
                }
            }
            return Optional.empty();
        } catch (UnrecoverableKeyException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
